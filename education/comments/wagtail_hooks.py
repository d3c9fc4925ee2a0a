"""Comments in the admin: the moderation queue, bulk decisions and audit log actions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from practice.log_actions import register_formatters

from . import admin as comment_admin
from . import moderation
from .admin import CommentPermissionPolicy, CommentViewSet, may_see_comments
from .models import Comment
from .panels import CommentsWaitingPanel

register_permission_policy(Comment, CommentPermissionPolicy(Comment))
register_snippet(CommentViewSet)

for bulk_action in comment_admin.BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    register_formatters(actions, moderation.FORMATTERS)


@hooks.register("construct_homepage_panels")
def comments_waiting_panel(request, panels):
    if may_see_comments(request.user):
        panels.append(CommentsWaitingPanel())
