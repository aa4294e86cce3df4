from django.urls import path

from alliance87.core import background

app_name = "core"
urlpatterns = [
    path("secretariat/tasks/", background.task_list, name="tasks"),
    path("secretariat/tasks/<int:pk>/retry/", background.task_retry, name="task-retry"),
]
