"""The WAGTAIL_FINISH_WORKFLOW_ACTION setting points here.

Wagtail imports the action while its own models are still loading, so this module imports
nothing at load time. Wagtail's task_approved and workflow_approved signals are sent only after
the approved revision has been published, too late to record the review in it; hence an
action that records, then publishes.
"""


def publish_after_review(workflow_state, user=None):
    from .review import publish_after_review as record_and_publish

    record_and_publish(workflow_state, user=user)
