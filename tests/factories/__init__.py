"""factory-boy factories for everything the tests build: each test makes exactly the pages,
people and settings it talks about. Pages go into the tree with `parent.add_child()` and are
published unless made with `publish=False`.

A page made without a `parent` goes where it belongs on the site, which is made first if there
is none: `ArticlePageFactory()` alone gives a site, a home page, the education section and an
article in it.
"""

from .base import ImageFactory, PageFactory, SuperuserFactory, UserFactory
from .blocks import citation, references
from .comments import CommentFactory, ReplyFactory
from .consultation import ConsultationFormPageFactory, ConsultationRequestFactory
from .education import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ClinicianIndexPageFactory,
    ClinicianPageFactory,
    ConditionIndexPageFactory,
    ConditionPageFactory,
    LanguageFactory,
    TopicFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    plain_body,
)
from .home import (
    FeaturedArticleFactory,
    FooterLinkFactory,
    HomePageFactory,
    PracticeSettingsFactory,
    SiteFactory,
    SocialLinkFactory,
    ThemeSettingsFactory,
    change_practice_settings,
)
from .pages import (
    DocumentFactory,
    InsurancePlanFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    NewPatientsPageFactory,
    NoticePageFactory,
    StandardPageFactory,
    days_from_today,
)

__all__ = [
    "ArticleIndexPageFactory",
    "ArticlePageFactory",
    "ClinicianIndexPageFactory",
    "ClinicianPageFactory",
    "CommentFactory",
    "ConditionIndexPageFactory",
    "ConditionPageFactory",
    "DocumentFactory",
    "ConsultationFormPageFactory",
    "ConsultationRequestFactory",
    "FeaturedArticleFactory",
    "FooterLinkFactory",
    "HomePageFactory",
    "ImageFactory",
    "LanguageFactory",
    "InsurancePlanFactory",
    "LocationIndexPageFactory",
    "LocationPageFactory",
    "NewPatientsPageFactory",
    "NoticePageFactory",
    "PageFactory",
    "PracticeSettingsFactory",
    "ReplyFactory",
    "SiteFactory",
    "SocialLinkFactory",
    "StandardPageFactory",
    "SuperuserFactory",
    "ThemeSettingsFactory",
    "TopicFactory",
    "TreatmentIndexPageFactory",
    "TreatmentPageFactory",
    "UserFactory",
    "change_practice_settings",
    "citation",
    "days_from_today",
    "plain_body",
    "references",
]
