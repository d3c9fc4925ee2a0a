"""Clinician choosers that open where editors pick clinicians: the clinicians index of the
edited page's language.

Wagtail's page chooser, given only a page type, opens at the highest common ancestor of every
page of that type: the clinicians index while all clinicians are English, the root of the tree
once Spanish clinicians exist. Its widget opens its modal at `modalUrl` (plus the parent of the
page last chosen, appended as "<id>/"), so `ClinicianChooser` points that address at
`choose_clinician`, which sends the modal on to Wagtail's own browse view of the index, or of
the page the editor was last in. The chooser still offers only clinician pages.
"""

from django.apps import apps
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import AdminPageChooser


class ClinicianChooser(AdminPageChooser):
    def __init__(self, **kwargs):
        super().__init__(target_models=["education.ClinicianPage"], **kwargs)
        # The clinicians index to open at, set per form (start_clinician_choosers_at).
        self.start_page_id = None

    def get_chooser_modal_url(self):
        if self.start_page_id is None:
            return super().get_chooser_modal_url()
        return reverse("education_choose_clinician", args=[self.start_page_id])


class ClinicianChooserPanel(FieldPanel):
    """A FieldPanel for a link to a clinician, chosen with ClinicianChooser (made when the
    form is built: a widget cannot be made while the models are still loading)."""

    def get_form_options(self):
        opts = super().get_form_options()
        opts.setdefault("widgets", {})[self.field_name] = ClinicianChooser()
        return opts


def clinicians_index_id(locale_id):
    """The clinicians index of a language, or None when that language has none yet."""
    index_model = apps.get_model("education", "ClinicianIndexPage")
    return index_model.objects.filter(locale_id=locale_id).values_list("pk", flat=True).first()


def start_choosers_at(form, start_page_id):
    for field in form.fields.values():
        if isinstance(field.widget, ClinicianChooser):
            field.widget.start_page_id = start_page_id


def start_clinician_choosers_at(form, locale_id):
    """Open every clinician chooser of a page's editor form (its own fields, its inline
    forms, and the empty form the "Add" buttons copy) at the clinicians index of
    `locale_id`."""
    start_page_id = clinicians_index_id(locale_id)
    if start_page_id is None:
        return
    start_choosers_at(form, start_page_id)
    for formset in form.formsets.values():
        child_form = formset.form

        class StartingChildForm(child_form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                start_choosers_at(self, start_page_id)

        # The formset builds its forms, and each empty form, from this class when asked.
        StartingChildForm.__name__ = child_form.__name__
        formset.form = StartingChildForm


def choose_clinician(request, start_page_id, parent_page_id=None):
    """The clinician chooser's modal: Wagtail's browse view, at the clinicians index, or at
    the page the editor browsed to before, with the chooser's options kept."""
    target = reverse("wagtailadmin_choose_page_child", args=[parent_page_id or start_page_id])
    query = request.GET.urlencode()
    return redirect(f"{target}?{query}" if query else target)
