"""The article editor's view: Wagtail's, with one clear answer when an approval is refused.

Wagtail answers any refused form with "The page could not be saved due to validation errors",
then autosaves what was typed as a draft, and its header says "Saved": three signals that
disagree about an approval that did not happen. When the only thing wrong is the missing
medical reviewer (approval.py), the banner says that and how to fix it, and nothing is
autosaved behind it: the typed changes wait in the form for the approval to be made again.
"""

from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView

from .approval import REVIEWER_MISSING


def refused_only_for_the_reviewer(form):
    errors = [message for messages_ in form.errors.values() for message in messages_]
    formset_errors = any(formset.total_error_count() for formset in form.formsets.values())
    return errors == [REVIEWER_MISSING] and not formset_errors


class MedicallyReviewedEditView(EditView):
    def form_invalid(self, form):
        if self.locked_for_user or self.is_cancelling_workflow or self.expects_json_response:
            return super().form_invalid(form)
        if not refused_only_for_the_reviewer(form):
            return super().form_invalid(form)
        messages.error(self.request, REVIEWER_MISSING)
        # Nothing was saved, so nothing is autosaved and no "Saved" is shown.
        self.autosave_enabled = False
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())
