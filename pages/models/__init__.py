"""The practice's own pages: standard pages, locations, the new-patients page and the notices
every US practice must show."""

from .standard import StandardPage  # noqa: I001 (the others build on the same base)
from .insurance import InsurancePlan
from .locations import LocationClinician, LocationIndexPage, LocationPage, LocationService
from .hours import Closure, OpeningHours
from .new_patients import NewPatientsPage, PatientForm, SelfPayPrice
from .language_help import LanguageHelp
from .notices import NoticePage

__all__ = [
    "Closure",
    "InsurancePlan",
    "LanguageHelp",
    "LocationClinician",
    "LocationIndexPage",
    "LocationPage",
    "LocationService",
    "NewPatientsPage",
    "NoticePage",
    "OpeningHours",
    "PatientForm",
    "SelfPayPrice",
    "StandardPage",
]
