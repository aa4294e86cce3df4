"""The comms forms, one module per use case: `posts` (the news list's
filters, a post, returning one), `newsletter` (subscribing, an issue, a
test send) and `surveys` (the builder's survey, question and copy); `base`
holds the languages they share. Import them from here."""

from alliance87.comms.forms.newsletter import (
    AccountSubscriptionForm,
    IssueForm,
    SubscribeForm,
    TestSendForm,
)
from alliance87.comms.forms.posts import (
    NewsFilterForm,
    PartnerPostForm,
    PostForm,
    ReturnPostForm,
)
from alliance87.comms.forms.surveys import QuestionForm, SurveyCopyForm, SurveyForm

__all__ = [
    "AccountSubscriptionForm",
    "IssueForm",
    "NewsFilterForm",
    "PartnerPostForm",
    "PostForm",
    "QuestionForm",
    "ReturnPostForm",
    "SubscribeForm",
    "SurveyCopyForm",
    "SurveyForm",
    "TestSendForm",
]
