"""The accepted insurance plans as choices, for forms outside this app (the consultation
form offers them): `insurance_plan_choices()` gives (value, label) pairs, read when called so
a plan staff add today is offered today."""

from practice.localized import in_active_language, in_default_language

from .models import InsurancePlan


def accepted_insurance_plans():
    """The plans patients see, in their language (English where a plan has no translation)."""
    return InsurancePlan.objects.for_patients()


def insurance_plan_choices():
    """The value is the plan's English name, so the front desk reads every request the same
    whatever language the patient used; the label is in the patient's language. Two queries
    on a Spanish page, one on an English one."""
    english = list(in_default_language(InsurancePlan.objects.accepted()))
    values = [plan.name for plan in english]
    shown = in_active_language(english, InsurancePlan.objects.all())
    return [(value, plan.name) for value, plan in zip(values, shown, strict=True)]
