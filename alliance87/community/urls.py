from django.urls import path

from alliance87.community import conversion_views as conversions
from alliance87.community import moderation_views as moderation
from alliance87.community import notification_views as mail
from alliance87.community import pseudonym_views, views
from alliance87.community.slack import views as slack

app_name = "community"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create_space, name="create-space"),
    path("import/slack/", slack.start, name="slack-import"),
    path("import/slack/<int:pk>/", slack.page, name="slack-import-page"),
    path("import/slack/<int:pk>/import/", slack.confirm, name="slack-import-confirm"),
    path("import/slack/<int:pk>/discard/", slack.discard, name="slack-import-discard"),
    path("inbox/", mail.inbox, name="inbox"),
    path("inbox/read/", mail.read_all, name="read-all"),
    path("inbox/<int:pk>/", mail.open_notification, name="open-notification"),
    path("settings/", mail.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", mail.unsubscribe, name="unsubscribe"),
    path("pseudonym/", pseudonym_views.own, name="pseudonym"),
    path("pseudonyms/", pseudonym_views.secretariat_list, name="pseudonyms"),
    path("pseudonyms/<int:pk>/", pseudonym_views.secretariat_reveal, name="pseudonym-reveal"),
    path("posts/<int:pk>/edit/", views.edit_post, name="edit-post"),
    path("posts/<int:pk>/history/", views.post_history, name="post-history"),
    path("posts/<int:pk>/helpful/", views.helpful, name="helpful"),
    path("posts/<int:pk>/flag/", moderation.flag, name="flag"),
    path("posts/<int:pk>/moderate/", moderation.moderate_post, name="moderate-post"),
    path("queue/", moderation.queue_across_spaces, name="queue-all"),
    path("<slug:slug>/", views.space, name="space"),
    path("<slug:slug>/edit/", views.edit_space, name="edit-space"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/level/", mail.level, name="level"),
    path("<slug:slug>/archive/", views.archive, name="archive"),
    path("<slug:slug>/moderators/", views.moderators, name="moderators"),
    path("<slug:slug>/queue/", moderation.queue, name="queue"),
    path("<slug:slug>/suspensions/", moderation.suspensions, name="suspensions"),
    path("<slug:slug>/new/", views.new_thread, name="new-thread"),
    path("<slug:slug>/<int:pk>/", views.thread, name="thread"),
    path("<slug:slug>/<int:pk>/reply/", views.reply, name="reply"),
    path("<slug:slug>/<int:pk>/state/", views.thread_state, name="thread-state"),
    path("<slug:slug>/<int:pk>/accept/", views.accept, name="accept"),
    path("<slug:slug>/<int:pk>/action-item/", conversions.action_item, name="to-action-item"),
    path("<slug:slug>/<int:pk>/resource/", conversions.resource, name="to-resource"),
]
