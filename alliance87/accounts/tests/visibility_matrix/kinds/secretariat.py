"""The Secretariat's tools: applications, imports and background tasks,
seen by no one else."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.ways import secretariat_tool

INTAKE = (
    secretariat_tool(
        "application",
        ("review-list", "/en/applications/"),
        ("review", "/en/applications/{pk}/"),
    ),
    # A report being imported.
    secretariat_tool(
        "reportimport",
        ("import-start", "/en/reports/import/"),
        ("import-page", "/en/reports/import/{pk}/"),
    ),
)

TOOLS = (
    # A Slack export uploaded (community/slack/); its marker is its
    # file's name.
    secretariat_tool(
        "slackimport",
        ("slack-import-start", "/en/community/import/slack/"),
        ("slack-import-page", "/en/community/import/slack/{pk}/"),
    ),
    # A background task not done (core/taskrecords.py), its marker in
    # its last error: the Secretariat's page of background work.
    secretariat_tool("taskrecord", ("secretariat-tasks", "/en/secretariat/tasks/")),
)
