"""Patient education: the clinicians, topics and articles of the demo practice.

Every sentence here is our own; the seed page gave only facts for the article on opioid-induced
hyperalgesia.
"""

import datetime

from wagtail.rich_text import RichText

from education.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ClinicianPage,
    Topic,
)
from home.models import FeaturedArticle, HomePage

from .images import demo_image, pain_scale_image

# Blue-greens for articles, warm tones for portraits, so the two never look alike.
ARTICLE_PALETTE = ((29, 92, 138), (118, 176, 196), (243, 246, 248))
PORTRAIT_PALETTE = ((138, 59, 18), (214, 170, 130), (250, 244, 236))

TOPICS = [
    ("Back pain", "back-pain", "Low back and neck pain: causes, exercise and treatment."),
    ("Medicines and opioids", "medicines", "How pain medicines work and how to use them safely."),
    ("Nerve pain", "nerve-pain", "Burning, shooting and tingling pain from irritated nerves."),
    ("Sleep and wellbeing", "sleep", "Sleep, mood and stress, and how they shape pain."),
    ("Arthritis and joints", "arthritis", "Keeping painful joints moving."),
    ("Living with pain", "living-with-pain", "Everyday skills that make long-lasting pain easier."),
    ("Treatments and procedures", "procedures", "Injections and other procedures we offer."),
]

AUTHORS = [
    {
        "slug": "edward-rubin",
        "honorific_prefix": "Dr.",
        "given_name": "Edward",
        "family_name": "Rubin",
        "post_nominals": "MD",
        "job_title": "Pain medicine physician and medical director",
        "specialties": "Opioid safety and tapering\nSpinal injections and nerve blocks\nNerve pain",
        "short_bio": (
            "Dr. Rubin leads the practice. He helps people with long-lasting pain find "
            "treatments that let them do more, with as little medicine as they need."
        ),
        "full_bio": (
            "<p>Dr. Rubin trained in anesthesiology before specialising in pain medicine, and "
            "has cared for people with chronic pain for more than twenty years.</p>"
            "<h2>How he works</h2><p>He starts every first visit by asking what the pain stops "
            "you doing, because that, more than a pain score, tells him whether a treatment is "
            "working. He is known for careful, honest conversations about opioids.</p>"
        ),
        "seed": 41,
    },
    {
        "slug": "anita-reyes",
        "honorific_prefix": "Dr.",
        "given_name": "Anita",
        "family_name": "Reyes",
        "post_nominals": "MD",
        "job_title": "Physical medicine and rehabilitation physician",
        "specialties": "Arthritis\nSleep and pain\nReturning to work after injury",
        "short_bio": (
            "Dr. Reyes specialises in rehabilitation medicine: getting people back to the "
            "activities that matter to them."
        ),
        "full_bio": (
            "<p>Dr. Reyes joined the practice after years in a hospital rehabilitation unit. "
            "She looks at pain together with sleep, mood and fitness, and often works side by "
            "side with our physical therapists.</p>"
        ),
        "seed": 42,
    },
    {
        "slug": "maya-okafor",
        "honorific_prefix": "Dr.",
        "given_name": "Maya",
        "family_name": "Okafor",
        "post_nominals": "DPT",
        "job_title": "Physical therapist",
        "specialties": "Exercise for back and neck pain\nActivity pacing\nKnee and hip arthritis",
        "short_bio": (
            "Dr. Okafor is a physical therapist who builds exercise plans people can actually "
            "keep up, starting from wherever they are today."
        ),
        "full_bio": (
            "<p>Dr. Okafor holds a doctorate in physical therapy. She believes the best "
            "exercise is the one you will do, so she designs short routines that fit into a "
            "normal day and grow as you get stronger.</p>"
        ),
        "seed": 43,
    },
]


def p(*paragraphs):
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def callout(kind, heading, items):
    body = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    return ("callout", {"kind": kind, "heading": heading, "body": RichText(body)})


def pain_scale_figure():
    """An image block; the image itself is made when the article is built."""
    return (
        "image",
        {
            "image": pain_scale_image,
            "alt_text": (
                "A row of eleven boxes numbered 0 to 10, shading from green to red, labelled "
                "no pain at 0, moderate at 5 and worst imaginable at 10."
            ),
            "caption": "The 0 to 10 pain scale. Score your pain at the same time each day.",
        },
    )


def with_images(block):
    """Swaps an image block's image maker for the saved image."""
    name, value = block
    if name == "image" and callable(value["image"]):
        value = {**value, "image": value["image"]()}
    return name, value


def references(*citations):
    keys = ("authors", "title", "source", "year", "url")
    return ("references", {"citations": [dict(zip(keys, c, strict=True)) for c in citations]})


CDC_2022 = (
    "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R",
    "CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022",
    "MMWR Recommendations and Reports",
    2022,
    "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm",
)

ARTICLES = [
    {
        "slug": "opioid-induced-hyperalgesia",
        "title": "Opioid-induced hyperalgesia: when pain medicine makes pain worse",
        "summary": (
            "Taking opioids for a long time can, for some people, make the body more "
            "sensitive to pain. Here is how to recognise it and what can be done."
        ),
        "authors": ["edward-rubin"],
        "reviewer": "anita-reyes",
        "topics": ["medicines"],
        "display_date": datetime.date(2026, 3, 3),
        "last_reviewed": datetime.date(2026, 3, 1),
        "body": [
            callout(
                "key-points",
                "Key points",
                [
                    "Long-term opioid use can turn up the volume of the body's pain system.",
                    "It can look like the original pain getting worse.",
                    "A slow, supervised reduction often helps. Never stop opioids suddenly.",
                ],
            ),
            h2("What is it?"),
            p(
                "Opioids such as oxycodone, hydrocodone and morphine usually ease pain well at "
                "first. In some people who take them for months or years, though, the nervous "
                "system adapts in an unexpected direction: it starts to treat ordinary signals "
                "as painful and to amplify signals that were already painful. Doctors call "
                "this opioid-induced hyperalgesia, which simply means extra pain caused by "
                "opioids.",
                "It is not the same as tolerance. With tolerance a higher dose brings the "
                "relief back. With hyperalgesia a higher dose may make things worse still.",
            ),
            h2("How would I know?"),
            p(
                "The signs are easy to miss, because they look like the original problem "
                "flaring up. Things worth mentioning to your doctor include:",
            ),
            (
                "paragraph",
                RichText(
                    "<ul><li>your usual dose helps less and less over time;</li>"
                    "<li>pain spreads to parts of the body that were not painful before;</li>"
                    "<li>light touch, clothing or mild cold start to hurt.</li></ul>"
                ),
            ),
            p(
                "A daily score makes such changes easier to see. Once a day, at the same time, "
                "rate your pain from 0 to 10 and write the number down. Bring the list to your "
                "appointments: scores that climb while the dose stays the same, or after it "
                "goes up, are worth talking about.",
            ),
            pain_scale_figure(),
            (
                "pull_quote",
                {
                    "quote": "If more medicine is bringing less relief, that is a reason to "
                    "talk, not a reason to take more.",
                    "attribution": "Dr. Edward Rubin",
                },
            ),
            h2("What can be done?"),
            p(
                "There is no single fix; the plan depends on you. Often the first step is "
                "lowering the opioid dose gradually with medical supervision, which many "
                "people find reduces their pain rather than increasing it. Other treatments "
                "take up the slack: physical therapy, non-opioid medicines, acupuncture, and "
                "mind-body practices such as meditation and gentle yoga, which can calm an "
                "over-alert nervous system.",
                "Preventing it matters too. When opioids are the right choice, we use the "
                "lowest dose that works for the shortest time that makes sense, and we check "
                "in regularly so the plan can change before problems build up.",
            ),
            callout(
                "urgent",
                "When to seek urgent help",
                [
                    "Call 911 if someone taking opioids is very drowsy, cannot be woken or "
                    "is breathing slowly.",
                    "Do not stop or cut down opioids on your own: withdrawal can be severe.",
                ],
            ),
            references(
                (
                    "Lee M, Silverman SM, Hansen H, Patel VB, Manchikanti L",
                    "A comprehensive review of opioid-induced hyperalgesia",
                    "Pain Physician",
                    2011,
                    "https://pubmed.ncbi.nlm.nih.gov/21412369/",
                ),
                CDC_2022,
            ),
        ],
    },
    {
        "slug": "exercise-for-low-back-pain",
        "title": "Exercise for low back pain: where to start",
        "summary": (
            "Movement is one of the best-studied treatments for long-lasting back pain. You do "
            "not need a gym: a few minutes a day, built up slowly, is enough to begin."
        ),
        "authors": ["maya-okafor"],
        "reviewer": "edward-rubin",
        "topics": ["back-pain", "living-with-pain"],
        "display_date": datetime.date(2026, 2, 10),
        "last_reviewed": datetime.date(2026, 2, 5),
        "body": [
            h2("Why exercise helps"),
            p(
                "A painful back makes resting feel like the safe choice, yet weeks of rest "
                "tend to leave muscles weaker, joints stiffer and the pain more sensitive. "
                "Regular, gentle exercise reverses that. Research comparing many kinds of "
                "exercise finds that most of them help, which is good news: you can pick the "
                "one you enjoy.",
            ),
            h2("A simple first week"),
            p(
                "Start with what you can do on a bad day, not a good one. Two or three times "
                "a day, try five minutes of walking, a few knee-to-chest stretches lying on "
                "your back, and some gentle pelvic tilts. Add a minute or a couple of "
                "repetitions every few days.",
                "Some discomfort while exercising is normal and is not a sign of damage. Aim "
                "for effort that feels moderate and pain that settles within an hour or two "
                "afterwards.",
            ),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=practice-demo",
                    "title": "Three gentle stretches for the lower back",
                    "duration": "4 minutes",
                    "transcript": RichText(
                        "<p>Lie on your back with your knees bent. Bring one knee towards "
                        "your chest, hold for a slow count of ten, then change sides. Next, "
                        "flatten your lower back into the floor by tightening your stomach, "
                        "hold for five, and relax. Finally, let both knees roll gently to one "
                        "side and then the other.</p>"
                    ),
                },
            ),
            callout(
                "urgent",
                "When to seek urgent help",
                [
                    "Numbness around the buttocks or genitals, or new trouble passing urine.",
                    "Weakness in a leg that is getting worse.",
                    "Back pain with a fever, or after a fall or accident.",
                ],
            ),
            references(
                (
                    "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW",
                    "Exercise therapy for chronic low back pain",
                    "Cochrane Database of Systematic Reviews",
                    2021,
                    "https://doi.org/10.1002/14651858.CD009790.pub2",
                ),
                (
                    "Qaseem A, Wilt TJ, McLean RM, Forciea MA",
                    "Noninvasive treatments for acute, subacute, and chronic low back pain",
                    "Annals of Internal Medicine",
                    2017,
                    "https://doi.org/10.7326/M16-2367",
                ),
            ),
        ],
    },
    {
        "slug": "sleep-and-pain",
        "title": "Sleep and pain: breaking the cycle",
        "summary": (
            "Pain makes sleep harder, and poor sleep makes pain feel worse. Small, steady "
            "changes to your nights can loosen that loop."
        ),
        "authors": ["anita-reyes"],
        "reviewer": "edward-rubin",
        "topics": ["sleep", "living-with-pain"],
        "display_date": datetime.date(2026, 1, 20),
        "last_reviewed": datetime.date(2026, 1, 15),
        "body": [
            h2("A two-way street"),
            p(
                "Most people with long-lasting pain sleep badly, which is no surprise. Less "
                "obvious is the reverse: a run of short or broken nights lowers the point at "
                "which the body registers pain, so the next day hurts more. Studies suggest "
                "that poor sleep may predict tomorrow's pain even more strongly than pain "
                "predicts tonight's sleep.",
            ),
            h2("Habits that help"),
            (
                "paragraph",
                RichText(
                    "<ul><li>Get up at the same time every day, even after a bad night.</li>"
                    "<li>Keep the bed for sleep: if you are awake and frustrated for a long "
                    "time, get up and do something calm in dim light.</li>"
                    "<li>Take any pain medicine at the times agreed with your doctor, so "
                    "it covers the night.</li>"
                    "<li>Cut down on caffeine after midday and on alcohol, which breaks up "
                    "sleep later in the night.</li></ul>"
                ),
            ),
            p(
                "If sleep stays poor for months, ask about cognitive behavioural therapy for "
                "insomnia (CBT-I). It is a short course of talking and practical changes, and "
                "it works well for people with pain.",
            ),
            references(
                (
                    "Finan PH, Goodin BR, Smith MT",
                    "The association of sleep and pain: an update and a path forward",
                    "The Journal of Pain",
                    2013,
                    "https://doi.org/10.1016/j.jpain.2013.08.007",
                ),
            ),
        ],
    },
    {
        "slug": "nerve-pain-explained",
        "title": "Nerve pain explained",
        "summary": (
            "Burning, shooting or electric pain often comes from the nerves themselves. It "
            "behaves differently from other pain, and it is treated differently too."
        ),
        "authors": ["edward-rubin"],
        "reviewer": "anita-reyes",
        "topics": ["nerve-pain", "medicines"],
        "display_date": datetime.date(2025, 12, 2),
        "last_reviewed": datetime.date(2025, 11, 28),
        "body": [
            h2("What makes nerve pain different"),
            p(
                "Most pain is a message from injured tissue carried by healthy nerves. Nerve "
                "pain, or neuropathic pain, happens when the nerves are the problem: they "
                "have been squeezed, damaged by diabetes or shingles, or injured in surgery, "
                "and they send pain signals with little or no reason.",
                "People describe it as burning, stabbing, like electric shocks, or as pins and "
                "needles. The skin may be numb and painful at the same time.",
            ),
            h2("Treatment"),
            p(
                "Ordinary painkillers often do little for nerve pain. Medicines first used for "
                "depression or epilepsy, in low doses, tend to work better, because they damp "
                "down over-active nerve signals. They take a few weeks to show their full "
                "effect, so give them time. Creams, physical therapy and, for some people, "
                "nerve blocks can add to the benefit.",
            ),
            callout(
                "urgent",
                "When to seek urgent help",
                [
                    "Sudden weakness, numbness or drooping on one side of the face or body: "
                    "call 911.",
                ],
            ),
            references(
                (
                    "Finnerup NB, Attal N, Haroutounian S, et al.",
                    "Pharmacotherapy for neuropathic pain in adults: a systematic review and "
                    "meta-analysis",
                    "The Lancet Neurology",
                    2015,
                    "https://doi.org/10.1016/S1474-4422(14)70251-0",
                ),
            ),
        ],
    },
    {
        "slug": "tapering-opioids-safely",
        "title": "Reducing opioids safely: what a taper looks like",
        "summary": (
            "If you and your doctor decide to lower your opioid dose, a slow, planned taper "
            "keeps you comfortable and in control. This is what to expect."
        ),
        "authors": ["edward-rubin"],
        "reviewer": "anita-reyes",
        "topics": ["medicines"],
        "display_date": datetime.date(2025, 11, 12),
        "last_reviewed": datetime.date(2025, 11, 10),
        "body": [
            h2("Why taper?"),
            p(
                "People come to us wanting to cut down for many reasons: side effects, worry "
                "about the future, relief that has faded, or simply wanting a clearer head. "
                "Whatever the reason, the decision is made together and at a pace you agree "
                "to.",
            ),
            h2("How it works"),
            p(
                "A common plan lowers the dose by a small step every few weeks, then pauses if "
                "things get hard. Slower is usually better for people who have taken opioids "
                "for years. We see you often during a taper, add other treatments for pain "
                "and sleep, and treat any withdrawal symptoms.",
                "Many people are surprised to find their pain no better and no worse, or even "
                "easier, at a lower dose.",
            ),
            callout(
                "key-points",
                "Keep yourself safe",
                [
                    "After a taper your body is less used to opioids: going back to an old "
                    "dose can be dangerous.",
                    "Ask us about naloxone, a rescue medicine for an overdose, to keep at home.",
                ],
            ),
            references(
                CDC_2022,
                (
                    "U.S. Department of Health and Human Services",
                    "HHS Guide for Clinicians on the Appropriate Dosage Reduction or "
                    "Discontinuation of Long-Term Opioid Analgesics",
                    "U.S. Department of Health and Human Services",
                    2019,
                    "",
                ),
            ),
        ],
    },
    {
        "slug": "pacing",
        "title": "Pacing: doing more by doing less at a time",
        "summary": (
            "Good days followed by crashes are common with chronic pain. Pacing splits "
            "activity into steady, planned chunks so you can do more over the week."
        ),
        "authors": ["maya-okafor"],
        "reviewer": "anita-reyes",
        "topics": ["living-with-pain"],
        "display_date": datetime.date(2025, 10, 21),
        "last_reviewed": datetime.date(2025, 10, 15),
        "body": [
            h2("The boom and bust cycle"),
            p(
                "On a good day it is tempting to catch up on everything: the garden, the "
                "shopping, the washing. The next two days are then lost to pain. Over months "
                "this pattern shrinks what you can do.",
            ),
            h2("How to pace"),
            p(
                "Find out how long you can do an activity on an ordinary day before pain "
                "climbs, then take a little off that time. That is your starting amount. Do "
                "that much, rest or switch to something different, and come back. Every week "
                "or two, add a small amount.",
                "Pacing is not about doing less overall. It is about doing the same amount "
                "every day, whether the day is good or bad, so you can build up steadily.",
            ),
            (
                "pull_quote",
                {
                    "quote": "Stop while you still feel you could do a bit more.",
                    "attribution": "Dr. Maya Okafor",
                },
            ),
            references(
                (
                    "Andrews NE, Strong J, Meredith PJ",
                    "Activity pacing, avoidance, endurance, and associations with patient "
                    "functioning in chronic pain: a systematic review and meta-analysis",
                    "Archives of Physical Medicine and Rehabilitation",
                    2012,
                    "",
                ),
            ),
        ],
    },
    {
        "slug": "knee-osteoarthritis",
        "title": "Knee osteoarthritis: what actually helps",
        "summary": (
            "Knee arthritis is common and often improves with the right mix of exercise, "
            "weight care and simple medicines. Surgery is only one of many options."
        ),
        "authors": ["anita-reyes", "maya-okafor"],
        "reviewer": "edward-rubin",
        "topics": ["arthritis", "living-with-pain"],
        "display_date": datetime.date(2025, 9, 30),
        "last_reviewed": datetime.date(2025, 9, 25),
        "body": [
            h2("Wear and repair"),
            p(
                "Osteoarthritis is not simply worn-out cartilage. The whole joint is "
                "constantly repairing itself, and in arthritis that repair falls behind. "
                "X-ray changes match symptoms poorly: some people with very changed knees "
                "have little pain, and the other way round.",
            ),
            h2("The treatments with the best evidence"),
            (
                "paragraph",
                RichText(
                    "<ul><li><b>Exercise</b>, especially strengthening the thigh muscles, "
                    "helps pain and function as much as many medicines.</li>"
                    "<li><b>Weight loss</b>, if you carry extra weight: even a small amount "
                    "takes load off the knee.</li>"
                    "<li><b>Anti-inflammatory gels</b> rubbed on the knee, with fewer side "
                    "effects than tablets.</li>"
                    "<li><b>Steroid injections</b> for a bad flare, a few times a year at "
                    "most.</li></ul>"
                ),
            ),
            callout(
                "urgent",
                "When to seek urgent help",
                ["A hot, red, swollen knee with a fever needs to be seen the same day."],
            ),
            references(
                (
                    "Kolasinski SL, Neogi T, Hochberg MC, et al.",
                    "2019 American College of Rheumatology/Arthritis Foundation Guideline for "
                    "the Management of Osteoarthritis of the Hand, Hip, and Knee",
                    "Arthritis Care & Research",
                    2020,
                    "https://doi.org/10.1002/acr.24131",
                ),
            ),
        ],
    },
    {
        "slug": "nerve-blocks",
        "title": "Nerve blocks and spinal injections: what to expect",
        "summary": (
            "An injection near a painful nerve or joint can ease pain and show where it comes "
            "from. Here is how the day goes and what the results can tell us."
        ),
        "authors": ["edward-rubin"],
        "reviewer": "anita-reyes",
        "topics": ["procedures", "back-pain", "nerve-pain"],
        "display_date": datetime.date(2025, 8, 19),
        "last_reviewed": datetime.date(2025, 8, 15),
        "body": [
            h2("Why we offer them"),
            p(
                "A nerve block puts local anaesthetic, sometimes with a steroid, next to the "
                "nerve or joint we think is causing your pain. If the pain eases, we have "
                "learned where it comes from; that helps plan what comes next, such as a "
                "longer-lasting treatment of the same nerve.",
            ),
            h2("On the day"),
            p(
                "You lie on a padded table while we numb the skin and guide a thin needle "
                "using X-ray or ultrasound pictures. Most injections take less than half an "
                "hour and you go home the same day, with someone else driving. Keep a note of "
                "your pain for the next few hours and days: it is the most useful result of "
                "the test.",
            ),
            callout(
                "urgent",
                "When to seek urgent help",
                [
                    "A fever, severe headache or spreading redness at the injection site in "
                    "the days after.",
                    "New weakness or numbness in the legs, or trouble passing urine.",
                ],
            ),
            references(
                (
                    "Cohen SP, Bhaskar A, Bhatia A, et al.",
                    "Consensus practice guidelines on interventions for lumbar facet joint "
                    "pain from a multispecialty, international working group",
                    "Regional Anesthesia & Pain Medicine",
                    2020,
                    "",
                ),
            ),
        ],
    },
]

FEATURED = ["opioid-induced-hyperalgesia", "exercise-for-low-back-pain", "knee-osteoarthritis"]


def build(log):
    home = HomePage.objects.first()
    if home is None:
        return
    topics = _topics()
    article_index = _index(
        home,
        ArticleIndexPage,
        title="Patient education",
        slug="education",
        intro=(
            "Plain-language articles about pain and its treatment, written and medically "
            "reviewed by our clinicians."
        ),
        log=log,
    )
    clinician_index = _index(
        home,
        ClinicianIndexPage,
        title="Our clinicians",
        slug="clinicians",
        intro="The doctors and therapists who care for you and write our articles.",
        log=log,
    )
    authors = {spec["slug"]: _author(clinician_index, spec, log) for spec in AUTHORS}
    articles = [
        _article(article_index, seed, spec, authors, topics, log)
        for seed, spec in enumerate(ARTICLES, start=100)
    ]
    _feature(home, [a for a in articles if a.slug in FEATURED])


def _topics():
    topics = {}
    for name, slug, description in TOPICS:
        topics[slug], _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    return topics


def _index(home, model, title, slug, intro, log):
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    index = model(title=title, slug=slug, intro=intro, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the page {title!r}.")
    return index


def _author(index, spec, log):
    existing = ClinicianPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    fields = {k: v for k, v in spec.items() if k not in ("slug", "seed")}
    name = f"{spec['honorific_prefix']} {spec['given_name']} {spec['family_name']}"
    photo = demo_image(f"Portrait placeholder: {name}", seed=spec["seed"], palette=PORTRAIT_PALETTE)
    author = ClinicianPage(
        title=f"{name}, {spec['post_nominals']}",
        slug=spec["slug"],
        photo=photo,
        photo_alt=f"Placeholder portrait for {name}",
        **fields,
    )
    index.add_child(instance=author)
    author.save_revision().publish()
    log(f"Created the clinician {author.title!r}.")
    return author


def _article(index, seed, spec, authors, topics, log):
    existing = ArticlePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    hero = demo_image(f"Article illustration: {spec['title']}", seed=seed, palette=ARTICLE_PALETTE)
    article = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        hero_image=hero,
        hero_image_decorative=True,
        body=[with_images(block) for block in spec["body"]],
        display_date=spec["display_date"],
        medical_reviewer=authors[spec["reviewer"]],
        last_reviewed=spec["last_reviewed"],
    )
    for order, slug in enumerate(spec["authors"]):
        article.article_authors.add(ArticleAuthor(clinician=authors[slug], sort_order=order))
    article.topics = [topics[slug] for slug in spec["topics"]]
    index.add_child(instance=article)
    article.save_revision().publish()
    log(f"Created the article {article.title!r}.")
    return article


def _feature(home, articles):
    if home.featured_articles.exists():
        return
    for order, article in enumerate(articles[:3]):
        FeaturedArticle.objects.create(home_page=home, page=article, sort_order=order)
