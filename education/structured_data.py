"""JSON-LD (schema.org) for articles and clinician profiles.

Only pages a patient can open are ever linked: authors and reviewers whose profile is a draft
or private appear by name without a link.
"""

from practice.models import PracticeSettings
from practice.site_url import absolute


def clinic(request):
    practice = PracticeSettings.for_request(request)
    data = {
        "@type": "MedicalClinic",
        "name": practice.name,
        "url": absolute("/"),
    }
    if practice.phone:
        data["telephone"] = practice.phone
    if practice.email:
        data["email"] = practice.email
    if practice.address_lines:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(practice.address_lines),
        }
    return data


def person(clinician, request, visible):
    data = {"@type": "Person", "name": clinician.full_name, "jobTitle": clinician.job_title}
    if clinician.honorific_prefix:
        data["honorificPrefix"] = clinician.honorific_prefix
    if clinician.post_nominals:
        data["honorificSuffix"] = clinician.post_nominals
    if visible:
        data["url"] = clinician.get_full_url(request)
    return data


def image_url(page, request):
    rendition = page.social_image
    return absolute(rendition.url) if rendition else None


def article_json_ld(article, request):
    url = article.get_full_url(request)
    authors = [person(clinician, request, visible) for clinician, visible in article.byline]
    main_entity = {
        "@type": "Article",
        "headline": article.title[:110],
        "description": article.summary,
        "datePublished": article.display_date.isoformat(),
        "author": authors,
        "publisher": clinic(request),
        "wordCount": article.word_count,
        "timeRequired": f"PT{article.reading_time}M",
        "mainEntityOfPage": url,
    }
    if article.last_published_at:
        main_entity["dateModified"] = article.last_published_at.isoformat()
    if image := image_url(article, request):
        main_entity["image"] = image
    citations = [
        {
            "@type": "CreativeWork",
            "name": citation["title"],
            "author": citation["authors"],
            "publisher": citation["source"],
            "datePublished": str(citation["year"]),
            **({"url": citation["url"]} if citation.get("url") else {}),
        }
        for citation in article.references
    ]
    if citations:
        main_entity["citation"] = citations
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "description": article.summary,
        "inLanguage": "en-US",
        "audience": "https://schema.org/Patient",
        "about": [{"@type": "Thing", "name": topic.name} for topic in article.topic_list],
        "mainEntity": main_entity,
    }
    reviewer = article.reviewer
    if reviewer is not None and article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed.isoformat()
        data["reviewedBy"] = person(reviewer[0], request, reviewer[1])
    return data


def clinician_json_ld(clinician, request):
    url = clinician.get_full_url(request)
    entity = {"@id": url + "#person", **person(clinician, request, visible=True)}
    entity["description"] = clinician.short_bio
    entity["worksFor"] = clinic(request)
    if clinician.specialty_list:
        entity["knowsAbout"] = clinician.specialty_list
    if image := image_url(clinician, request):
        entity["image"] = image
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "@id": url,
        "url": url,
        "name": clinician.title,
        "mainEntity": entity,
        "about": {"@id": entity["@id"]},
    }
