"""Making insurance plans translatable keeps the plans staff already entered: each becomes
an English plan with a translation key of its own (Wagtail's bootstrap migration)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from pages.models import InsurancePlan

BEFORE = ("pages", "0003_location_services")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_plans_entered_before_translation_are_kept_as_english_plans():
    executor = migrate([BEFORE])
    try:
        old_model = executor.loader.project_state([BEFORE]).apps.get_model("pages", "InsurancePlan")
        old_model.objects.create(name="Medicare Part B", accepted=True, sort_order=0)
        old_model.objects.create(name="Lakeshore Mutual", accepted=False, sort_order=1)
    finally:
        leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
        migrate(leaves)
    plans = list(InsurancePlan.objects.order_by("sort_order"))
    assert [(plan.name, plan.accepted) for plan in plans] == [
        ("Medicare Part B", True),
        ("Lakeshore Mutual", False),
    ]
    assert {plan.locale for plan in plans} == {Locale.get_default()}
    assert None not in {plan.translation_key for plan in plans}
    assert plans[0].translation_key != plans[1].translation_key
