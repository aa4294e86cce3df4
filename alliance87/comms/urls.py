from django.urls import path

from alliance87.comms import newsletter_views, survey_builder_views, survey_views, views

app_name = "comms"
urlpatterns = [
    path("news/", views.news, name="news"),
    path("news/new/", views.write, name="post-new"),
    path("news/review/", views.review, name="post-review"),
    path("news/mine/", views.my_posts, name="my-posts"),
    path("news/mine/new/", views.my_post, name="my-post-new"),
    path("news/mine/<slug:slug>/", views.my_post, name="my-post"),
    path("news/<slug:slug>/", views.post, name="post"),
    path("news/<slug:slug>/edit/", views.write, name="post-edit"),
    path("news/<slug:slug>/publish/", views.publish, name="post-publish"),
]

urlpatterns += [
    path("newsletter/", newsletter_views.newsletter, name="newsletter"),
    path("newsletter/thank-you/", newsletter_views.subscribed, name="subscribed"),
    path("newsletter/confirm/<str:token>/", newsletter_views.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", newsletter_views.unsubscribe, name="unsubscribe"),
    path("newsletter/archive/", newsletter_views.archive, name="archive"),
    path("newsletter/archive/<str:pk>/", newsletter_views.archive_issue, name="archive-issue"),
    path("newsletter/issues/", newsletter_views.issues, name="issues"),
    path("newsletter/issues/<int:pk>/", newsletter_views.issue, name="issue"),
    path("newsletter/subscribers/", newsletter_views.subscribers, name="subscribers"),
    path(
        "newsletter/subscribers/<int:pk>/restart/",
        newsletter_views.subscriber_restart,
        name="subscriber-restart",
    ),
]

urlpatterns += [
    path("surveys/", survey_views.surveys, name="surveys"),
    path("surveys/new/", survey_builder_views.survey_edit, name="survey-new"),
    path("surveys/<slug:slug>/", survey_views.survey, name="survey"),
    path("surveys/<slug:slug>/results/", survey_views.survey_results, name="survey-results"),
    path("surveys/<slug:slug>/results.csv", survey_views.survey_results_csv, name="survey-csv"),
    path("surveys/<slug:slug>/links/", survey_views.survey_links, name="survey-links"),
]

urlpatterns += [
    path("surveys/<slug:slug>/edit/", survey_builder_views.survey_edit, name="survey-edit"),
    path("surveys/<slug:slug>/manage/", survey_builder_views.survey_manage, name="survey-manage"),
    path("surveys/<slug:slug>/copy/", survey_builder_views.survey_copy, name="survey-copy"),
    path(
        "surveys/<slug:slug>/questions/new/",
        survey_builder_views.question_edit,
        name="survey-question-new",
    ),
    path(
        "surveys/<slug:slug>/questions/<int:pk>/",
        survey_builder_views.question_edit,
        name="survey-question",
    ),
    path(
        "surveys/<slug:slug>/questions/<int:pk>/move/",
        survey_builder_views.question_move,
        name="survey-question-move",
    ),
    path(
        "surveys/<slug:slug>/questions/<int:pk>/remove/",
        survey_builder_views.question_remove,
        name="survey-question-remove",
    ),
    path(
        "surveys/<slug:slug>/answers/<int:pk>/publish/",
        survey_builder_views.text_answer_publish,
        name="survey-answer-publish",
    ),
]
