from django.urls import path

from alliance87.core import background, sources

app_name = "core"
urlpatterns = [
    path("secretariat/tasks/", background.task_list, name="tasks"),
    path("secretariat/tasks/<int:pk>/retry/", background.task_retry, name="task-retry"),
    path("sources/remove/<int:pk>/", sources.remove_source, name="source-remove"),
    path("sources/<int:kind>/<int:pk>/", sources.sources, name="sources"),
]
