"""The Secretariat's tools: applications, imports and background tasks,
seen by no one else."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.ways import Kind, Way, fixed, obj_of

INTAKE = (
    Kind(
        "application",
        (
            Way("review-list", fixed("/en/applications/")),
            Way(
                "review",
                lambda world, item: f"/en/applications/{obj_of(world, item).pk}/",
                own_page=True,
            ),
        ),
        levels=("secretariat",),
    ),
    # A report being imported: the Secretariat's tool, seen by no one else.
    Kind(
        "reportimport",
        (
            Way("import-start", fixed("/en/reports/import/")),
            Way(
                "import-page",
                lambda world, item: f"/en/reports/import/{obj_of(world, item).pk}/",
                own_page=True,
            ),
        ),
        levels=("secretariat",),
    ),
)

TOOLS = (
    # A Slack export uploaded (community/slack/): the Secretariat's
    # tool, seen by no one else; its marker is its file's name.
    Kind(
        "slackimport",
        (
            Way("slack-import-start", fixed("/en/community/import/slack/")),
            Way(
                "slack-import-page",
                lambda world, item: f"/en/community/import/slack/{obj_of(world, item).pk}/",
                own_page=True,
            ),
        ),
        levels=("secretariat",),
    ),
    # A background task not done (core/taskrecords.py), its marker in
    # its last error: the Secretariat's page of background work, seen
    # by no one else.
    Kind(
        "taskrecord",
        (Way("secretariat-tasks", fixed("/en/secretariat/tasks/")),),
        levels=("secretariat",),
    ),
)
