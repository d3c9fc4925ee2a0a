"""The "Comments" area of the Wagtail admin: a moderation queue with filters, search and bulk
decisions, and a page per comment with its full text and a form to reply as the practice.

Only superusers and people whose group holds the comment permissions (the Comment moderators
group) see any of it.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from practice.models import PracticeSettings

from .forms import PracticeReplyForm
from .models import Comment
from .moderation import decide, post_practice_reply

MODERATION_ACTIONS = ("change", "delete", "view")


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds comments in the admin: patients
    post them under articles, and replies are written from a comment's page."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


def may_see_comments(user):
    return CommentPermissionPolicy(Comment).user_has_any_permission(user, MODERATION_ACTIONS)


class ModeratorsOnly:
    """For views Wagtail opens to everyone who can sign in, such as the snippet chooser: a
    list of comments (names, pending ones among them) is for moderators only."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_comments(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CommentChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type("CommentChooseView", (ModeratorsOnly, chooser.ChooseView), {})
    choose_results_view_class = type(
        "CommentChooseResultsView", (ModeratorsOnly, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("CommentChosenView", (ModeratorsOnly, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "CommentChosenMultipleView", (ModeratorsOnly, chooser.SnippetChosenMultipleView), {}
    )
    create_view_class = type("CommentCreateView", (ModeratorsOnly, chooser.SnippetCreateView), {})


def pending_count():
    return Comment.objects.filter(status=Comment.Status.PENDING).count()


class CommentsMenuItem(MenuItem):
    """The menu item, as "Comments (3)" while three comments wait for review; only moderators
    see it."""

    def is_shown(self, request):
        return may_see_comments(request.user)

    def render_component(self, request):
        waiting = pending_count()
        label = f"{self.label} ({waiting})" if waiting else self.label
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Comment.Status.choices, label="Status")
    article = django_filters.ModelChoiceFilter(
        queryset=lambda request: article_choices(), label="Article"
    )

    class Meta:
        model = Comment
        fields = ["status", "article"]


def article_choices():
    from education.models import ArticlePage

    return ArticlePage.objects.filter(comments__isnull=False).distinct().order_by("title")


def filtered_comments(data, queryset=None):
    """Comments as the listing shows them for these query parameters (filters and search)."""
    queryset = Comment.objects.all() if queryset is None else queryset
    filters = CommentFilterSet(data=data, queryset=queryset)
    if filters.is_valid():
        queryset = filters.qs
    query = (data.get("q") or "").strip()
    if query:
        queryset = search(queryset, query)
    return queryset


def search(queryset, query):
    from django.db.models import Q

    q = Q()
    for field in CommentViewSet.search_fields:
        q |= Q(**{f"{field}__icontains": query})
    return queryset.filter(q)


class ArticleColumn(Column):
    """The article's title, and a note rather than an error if it cannot be found."""

    cell_template_name = "comments/comment_article_cell.html"

    def get_value(self, instance):
        article = getattr(instance, "article", None)
        return article.title if article is not None else None


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("article")

    def get_edit_url(self, instance):
        # The comment's page (full text, decisions, reply) rather than the text editor.
        return self.get_inspect_url(instance)


class CommentDetailView(InspectView):
    template_name = "comments/comment_detail.html"

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        return Comment.objects.select_related(
            "article", "moderated_by", "replied_by", "parent"
        ).get(pk=comment.pk)

    def get_page_title(self):
        return "Practice reply" if self.object.is_practice_reply else "Comment"

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        article = comment.article
        context.update(
            comment=comment,
            article=article,
            article_url=article.get_url(self.request) if article.live else None,
            article_edit_url=reverse("wagtailadmin_pages:edit", args=[article.pk]),
            replies=list(comment.replies.select_related("replied_by").order_by("created_at")),
            can_moderate=self.user_has_permission("change"),
            decisions=[
                (Comment.Status.APPROVED, "Approve", "button"),
                (Comment.Status.REJECTED, "Reject", "button button-secondary"),
                (Comment.Status.SPAM, "Mark as spam", "button button-secondary"),
            ],
            reply_form=kwargs.get("reply_form") or self.blank_reply_form(),
            edit_text_url=reverse("comments:edit", args=[quote(comment.pk)]),
        )
        return context

    def blank_reply_form(self):
        practice = PracticeSettings.for_request(self.request)
        return PracticeReplyForm(initial={"name": practice.name})

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        comment = self.object
        if "status" in request.POST:
            return self.record_decision(request.POST["status"])
        if comment.is_practice_reply:
            raise PermissionDenied
        form = PracticeReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, "The reply could not be posted: see the errors below.")
            return self.render_to_response(self.get_context_data(reply_form=form), status=400)
        data = form.cleaned_data
        post_practice_reply(comment, data["name"], data["body"], request.user)
        if comment.is_approved:
            messages.success(request, "Your reply is published under the comment.")
        else:
            messages.success(
                request, "Your reply is saved. It will be published when you approve the comment."
            )
        return redirect("comments:inspect", quote(comment.pk))

    def record_decision(self, status):
        if status not in Comment.Status.values or status == Comment.Status.PENDING:
            raise PermissionDenied
        changed = decide([self.object], status, self.request.user)
        label = Comment.Status(status).label.lower()
        if changed:
            messages.success(self.request, format_html("{} is now {}.", self.object, label))
        else:
            messages.info(self.request, format_html("{} was already {}.", self.object, label))
        return redirect("comments:inspect", quote(self.object.pk))


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "comments"
    url_namespace = "comments"
    index_view_class = CommentIndexView
    inspect_view_class = CommentDetailView
    chooser_viewset_class = CommentChooserViewSet
    # A comment "uses" its article, but the article's usage tab is no place for comments, and
    # every comment saved would write to the reference index.
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "body"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    panels = [
        FieldPanel(
            "name",
            help_text="Correct the name only to remove something that should not be public.",
        ),
        FieldPanel(
            "body",
            help_text=(
                "Edit the text only to take out details that should not be public, such as "
                "someone's health or contact details."
            ),
        ),
    ]

    @cached_property
    def list_display(self):
        return [
            "__str__",
            Column("excerpt", label="Text", accessor="excerpt"),
            ArticleColumn("article", label="Article"),
            StatusTagColumn(
                "get_status_display",
                label="Status",
                primary=lambda comment: comment.status == Comment.Status.APPROVED,
                sort_key="status",
            ),
            DateColumn("created_at", label="Posted", sort_key="created_at"),
        ]

    @cached_property
    def menu_item_class(self):
        return CommentsMenuItem

    @cached_property
    def menu_url(self):
        return reverse("comments:list") + "?status=pending"

    def get_queryset(self, request):
        return Comment.objects.select_related("article")


# --- Bulk decisions --------------------------------------------------------------------------


class CommentDecisionBulkAction(SnippetBulkAction):
    """Approve, reject or mark as spam every selected comment, after a confirmation page."""

    models = [Comment]
    template_name = "comments/confirm_bulk_decision.html"
    status = None
    verb = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission(self.request.user, "change")

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" sends the listing's own filters and search along: apply them,
        # so approving "all pending comments on this article" approves exactly those.
        return filtered_comments(self.request.GET).values_list("pk", flat=True)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = decide(objects, cls.status, kwargs["self"].request.user)
        return len(changed), 0

    def get_execution_context(self):
        return {"self": self}

    def get_context_data(self, **kwargs):
        return super().get_context_data(verb=self.verb, status_label=self.display_name, **kwargs)

    def get_success_message(self, num_parent_objects, num_child_objects):
        if num_parent_objects == 1:
            return f"1 comment {self.done}."
        return f"{num_parent_objects} comments {self.done}."


DECISION_ATTRIBUTES = (
    "action_type", "display_name", "aria_label", "action_priority", "status", "verb", "done"
)  # fmt: skip
DECISIONS = [
    ("approve", "Approve", "Approve the selected comments", 10,
     Comment.Status.APPROVED, "approve", "approved"),
    ("reject", "Reject", "Reject the selected comments", 20,
     Comment.Status.REJECTED, "reject", "rejected"),
    ("mark_spam", "Mark as spam", "Mark the selected comments as spam", 25,
     Comment.Status.SPAM, "mark as spam", "marked as spam"),
]  # fmt: skip
# One bulk action per moderation decision: ApproveCommentsBulkAction and so on.
BULK_ACTIONS = [
    type(
        f"{decision[0].title().replace('_', '')}CommentsBulkAction",
        (CommentDecisionBulkAction,),
        dict(zip(DECISION_ATTRIBUTES, decision, strict=True)),
    )
    for decision in DECISIONS
]
