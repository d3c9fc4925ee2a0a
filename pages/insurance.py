"""The accepted insurance plans as choices, for forms outside this app (the consultation
form offers them): `insurance_plan_choices()` gives (value, label) pairs, read when called so
a plan staff add today is offered today."""

from .models import InsurancePlan


def accepted_insurance_plans():
    return InsurancePlan.objects.accepted()


def insurance_plan_choices():
    return [(plan.name, plan.name) for plan in accepted_insurance_plans()]
