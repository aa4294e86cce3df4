"""Moving in from the Slack pilot: a Slack workspace export imported into
the community's spaces (docs/slack-import.md)."""

from alliance87.community.slack.export import ExportRefused, read_export
from alliance87.community.slack.importer import import_slack
from alliance87.community.slack.report import Report

__all__ = ["ExportRefused", "Report", "import_slack", "read_export"]
