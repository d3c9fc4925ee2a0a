"""JSON-LD (schema.org) for articles, conditions, treatments and clinician profiles, each one
graph with the practice (`practice.structured_data.graph`), which they name as publisher or
employer by @id only.

Only pages a patient can open are ever linked: authors and reviewers whose profile is a draft
or private appear by name without a link.
"""

from practice.localized import translated_field
from practice.site_url import absolute
from practice.structured_data import graph, organization_ref, page_language_tag

from .readability import html_lines

# schema.org's MedicalProcedureType for each kind of procedure (TreatmentPage.Kind).
PROCEDURE_TYPES = {
    "noninvasive": "https://schema.org/NoninvasiveProcedure",
    "percutaneous": "https://schema.org/PercutaneousProcedure",
    "surgical": "https://schema.org/SurgicalProcedure",
}


def person(clinician, request, visible):
    data = {"@type": "Person", "name": clinician.full_name, "jobTitle": clinician.job_title}
    # The title in the page's language: "Dra." on a Spanish page when staff chose it.
    if prefix := str(translated_field(clinician, "honorific_prefix")):
        data["honorificPrefix"] = prefix
    if clinician.post_nominals:
        data["honorificSuffix"] = clinician.post_nominals
    if visible:
        # The profile's own JSON-LD names the person with this @id: every byline, review and
        # link elsewhere on the site points to the same person.
        url = clinician.get_full_url(request)
        data = {"@id": person_id(url), **data, "url": url}
    return data


def person_id(profile_url):
    return profile_url + "#person"


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
        "publisher": organization_ref(),
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
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": article.title,
        "description": article.summary,
        "inLanguage": page_language_tag(article),
        "audience": "https://schema.org/Patient",
        "about": [{"@type": "Thing", "name": topic.name} for topic in article.topic_list],
        "mainEntity": main_entity,
    }
    reviewer = article.reviewer
    if reviewer is not None and article.last_reviewed:
        data["lastReviewed"] = article.last_reviewed.isoformat()
        data["reviewedBy"] = person(reviewer[0], request, reviewer[1])
    return graph(request, [data])


def clinician_json_ld(clinician, request):
    url = clinician.get_full_url(request)
    entity = person(clinician, request, visible=True)
    entity["description"] = clinician.short_bio
    entity["worksFor"] = organization_ref()
    known = clinician.specialty_list + [c.title for c in clinician.linked_conditions]
    if known:
        entity["knowsAbout"] = known
    if clinician.npi:
        entity["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "NPI",
            "value": clinician.npi,
        }
    if clinician.language_list:
        entity["knowsLanguage"] = [
            {"@type": "Language", "name": language.name, "alternateName": language.code}
            for language in clinician.language_list
        ]
    if clinician.board_certification_list:
        entity["hasCredential"] = [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "Board certification",
                "name": certification,
            }
            for certification in clinician.board_certification_list
        ]
    if image := image_url(clinician, request):
        entity["image"] = image
    page = {
        "@type": "ProfilePage",
        "@id": url,
        "url": url,
        "name": clinician.title,
        "inLanguage": page_language_tag(clinician),
        "mainEntity": entity,
        "about": {"@id": entity["@id"]},
    }
    return graph(request, [page])


# --- Conditions and treatments ---


def plain_text(html):
    return " ".join(html_lines(html))


def reviewed_web_page(page, request, main_entity):
    """A MedicalWebPage about `main_entity`, with the page's medical review when it has one."""
    url = page.get_full_url(request)
    data = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page.summary,
        "inLanguage": page_language_tag(page),
        "audience": "https://schema.org/Patient",
        "publisher": organization_ref(),
        "mainEntity": main_entity,
        "about": {"@id": main_entity["@id"]},
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    reviewer = page.reviewer
    if reviewer is not None and page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
        data["reviewedBy"] = person(reviewer[0], request, reviewer[1])
    return data


def treatment_entity(treatment, request, full=False):
    """The treatment as a MedicalProcedure (with its procedureType) or a MedicalTherapy; in
    `full` with what its page says about preparing, the day and aftercare."""
    url = treatment.get_full_url(request)
    entity = {"@id": url + "#treatment", "name": treatment.title, "url": url}
    if treatment.is_therapy:
        entity["@type"] = "MedicalTherapy"
    else:
        entity["@type"] = "MedicalProcedure"
        entity["procedureType"] = PROCEDURE_TYPES[treatment.kind]
    if not full:
        return entity
    entity["description"] = treatment.summary
    if treatment.is_therapy:
        if risks := plain_text(treatment.risks):
            entity["adverseOutcome"] = {"@type": "MedicalEntity", "description": risks}
        return entity
    preparation = " ".join(treatment.preparation_checklist + [plain_text(treatment.how_to_prepare)])
    for key, text in (
        ("preparation", preparation.strip()),
        ("howPerformed", plain_text(treatment.on_the_day)),
        ("followup", plain_text(treatment.recovery)),
    ):
        if text:
            entity[key] = text
    return entity


def condition_json_ld(condition, request):
    url = condition.get_full_url(request)
    entity = {
        "@type": "MedicalCondition",
        "@id": url + "#condition",
        "name": condition.title,
        "url": url,
        "description": condition.summary,
    }
    if condition.alternate_name_list:
        entity["alternateName"] = condition.alternate_name_list
    if condition.symptom_names:
        entity["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": symptom}
            for symptom in condition.symptom_names
        ]
    if condition.treatments:
        entity["possibleTreatment"] = [
            treatment_entity(treatment, request) for treatment in condition.treatments
        ]
    return graph(request, [reviewed_web_page(condition, request, entity)])


def treatment_json_ld(treatment, request):
    entity = treatment_entity(treatment, request, full=True)
    return graph(request, [reviewed_web_page(treatment, request, entity)])
