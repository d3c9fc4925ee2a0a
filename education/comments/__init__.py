"""Public comments on articles, reviewed by a person before anyone else sees them.

`models` holds the comment and the rules for when an article takes comments, `forms` the
patient's and the practice's forms, `moderation` what happens when staff decide on a comment
(audit log, email), and `admin` the Wagtail admin views. The model is registered with the
education app through education/models.py.
"""
