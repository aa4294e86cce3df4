from django.urls import path

from alliance87.safeguarding import views

app_name = "safeguarding"
urlpatterns = [
    path("report/post/<int:pk>/", views.report_post, name="report-post"),
    path(
        "report/organisation/<slug:slug>/", views.report_organisation, name="report-organisation"
    ),
    path("my-reports/", views.mine, name="mine"),
    path("my-reports/<int:pk>/", views.sent, name="sent"),
    path("reports/", views.officer_reports, name="reports"),
    path("reports/<int:pk>/", views.officer_report, name="report"),
    path("log/", views.officer_log, name="log"),
]
