"""An export of the practice's WordPress site: the article on opioid-induced hyperalgesia (our
own words, after the practice's real page), its categories and tags, comments in every state,
a captioned picture, a draft and a page."""

from . import wxr

ARTICLE_ID, IMAGE_ID, DRAFT_ID, PAGE_ID, FORM_ID, ENTRANCE_ID = 123, 124, 130, 9, 88, 125
ARTICLE_SLUG = "understanding-opioid-induced-hyperalgesia"
ARTICLE_TITLE = "Understanding Opioid-Induced Hyperalgesia"
EXCERPT = (
    "Taking opioids for a long time can make some people more sensitive to pain, not less. "
    "Dr. Edward Rubin explains how to spot opioid-induced hyperalgesia and what helps."
)
# The classic editor's way: no <p> tags, paragraphs split by blank lines, a [caption] shortcode.
ARTICLE_BODY = """Many people who live with chronic pain take opioids for months or years. For most of them the medicine does what it should. For some, though, something surprising happens: over time the body becomes <strong>more</strong> sensitive to pain. Doctors call this <em>opioid-induced hyperalgesia</em>, or OIH.

<h2>What is opioid-induced hyperalgesia?</h2>
Opioids quiet pain signals at first. With long use, the nervous system can adjust in the other direction and start to amplify those signals.
The result is pain that grows even though the dose stays the same, or even goes up.

[caption id="attachment_124" align="aligncenter" width="640"]<a href="https://rubinpain.example/wp-content/uploads/2024/03/pain-diary.jpg"><img class="size-large wp-image-124" src="https://rubinpain.example/wp-content/uploads/2024/03/pain-diary-640x427.jpg" alt="A pain diary with a score for each day written in pencil" width="640" height="427" /></a> A simple pain diary makes changes easier to notice.[/caption]

<h2>Signs to watch for</h2>
The signs are easy to mistake for the original problem getting worse. Talk with your doctor if you notice that:
<ul>
 \t<li>your usual dose helps less than it used to;</li>
 \t<li>pain shows up in parts of your body that did not hurt before;</li>
 \t<li>a light touch or the brush of clothing starts to hurt.</li>
</ul>
<h2>How it is treated</h2>
There is no single fix. Often the first step is to lower the opioid dose slowly, with your doctor's help. Never stop an opioid on your own. Other treatments can take over part of the work: physical therapy, acupuncture, non-opioid medicines, and mind-body practices such as meditation and gentle yoga.

<blockquote>More medicine that brings less relief is a reason to talk with us, not a reason to take more.</blockquote>

Prevention matters too. When opioids are the right choice, we use the lowest dose that helps for the shortest time, and we check in often. The <a href="https://www.cdc.gov/opioids/healthcare-professionals/prescribing/guideline/index.html">CDC's prescribing guideline</a> describes the same approach.

[contact-form-7 id="42" title="Appointment request"]

To talk about your own treatment, <a href="https://rubinpain.example/contact-us/">request a consultation</a> or download our <a href="https://rubinpain.example/wp-content/uploads/2024/02/new-patient-form.pdf">new patient form</a>."""  # noqa: E501

# The block editor's way, for the draft.
DRAFT_BODY = """<!-- wp:paragraph -->
<p>If you and your doctor decide to lower your opioid dose, a slow and steady plan works best.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Why go slowly?</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Small steps give your body time to adjust, which keeps withdrawal symptoms mild.</p>
<!-- /wp:paragraph -->"""

PAGE_BODY = """<!-- wp:paragraph -->
<p>We treat long-lasting pain with a plan built around what matters to you.</p>
<!-- /wp:paragraph -->

<!-- wp:image {"id":125,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://rubinpain.example/wp-content/uploads/2024/03/clinic-entrance.jpg" alt="" class="wp-image-125"/></figure>
<!-- /wp:image -->"""  # noqa: E501

COMMENTS = [
    wxr.comment(
        201, "Maria G.", "maria.g@example.com", "2024-03-14 09:12:00",
        "Thank you for explaining this. My dose kept creeping up and I never thought the "
        "medicine itself could be part of the problem.",
    ),
    wxr.comment(
        202, "James", "james.w@example.com", "2024-03-15 18:40:00",
        "Same here, Maria. Keeping a pain diary helped me show my doctor the pattern.",
        parent=201,
    ),
    wxr.comment(
        203, "Linda", "linda@example.com", "2024-03-20 07:05:00",
        "Can I lower my dose on my own if I go slowly?", approved="0",
    ),
    wxr.comment(
        204, "Cheap Meds", "sales@spam.example", "2024-03-21 02:00:00",
        'Buy pills online <a href="https://spam.example">here</a>!', approved="spam",
    ),
]  # fmt: skip


def parts():
    return [
        wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD",
                   "Edward", "Rubin"),  # fmt: skip
        wxr.category(3, "opioids", "Opioids"),
        wxr.category(4, "pain-medicine", "Pain Medicine", description="How pain medicines work"),
        wxr.category(1, "uncategorized", "Uncategorized"),
        wxr.tag(7, "hyperalgesia", "hyperalgesia"),
        wxr.tag(8, "chronic-pain", "chronic pain"),
        wxr.nav_menu_term(12, "main-menu", "Main menu"),
        wxr.item(
            ARTICLE_ID, ARTICLE_TITLE, ARTICLE_SLUG, ARTICLE_BODY,
            date="2024-03-12 10:30:00", modified="2024-04-02 16:05:00", excerpt=EXCERPT,
            categories=[("opioids", "Opioids"), ("pain-medicine", "Pain Medicine")],
            tags=[("hyperalgesia", "hyperalgesia"), ("chronic-pain", "chronic pain")],
            meta=[("_thumbnail_id", str(IMAGE_ID)), ("_edit_last", "1"),
                  ("_yoast_wpseo_metadesc", "How long-term opioid use can increase pain.")],
            comments=COMMENTS,
        ),
        wxr.attachment(
            IMAGE_ID, "pain-diary", "2024/03/pain-diary.jpg", parent=ARTICLE_ID,
            alt="A pain diary with daily scores", sizes=[("large", 640, 427)],
        ),
        wxr.attachment(
            ENTRANCE_ID, "clinic-entrance", "2024/03/clinic-entrance.jpg", parent=PAGE_ID,
        ),
        wxr.attachment(
            FORM_ID, "New patient form", "2024/02/new-patient-form.pdf", mime="application/pdf",
        ),
        wxr.item(
            DRAFT_ID, "Tapering Off Opioids Safely", "", DRAFT_BODY, status="draft",
            date="2024-04-20 11:00:00", categories=[("opioids", "Opioids")],
        ),
        wxr.item(PAGE_ID, "Our Approach to Pain", "our-approach", PAGE_BODY, post_type="page"),
        wxr.item(140, "Main menu: Home", "140", post_type="nav_menu_item", status="publish"),
    ]  # fmt: skip


def write(path):
    return wxr.write(path, *parts())
