"""The feeds, under the language prefix: /<lang>/feeds/<kind>.atom|.rss."""

from django.urls import path

from alliance87.api import feeds

urlpatterns = [
    path("events.atom", feeds.EventsFeed(), name="feed-events-atom"),
    path("events.rss", feeds.rss(feeds.EventsFeed)(), name="feed-events-rss"),
    path("decisions.atom", feeds.DecisionsFeed(), name="feed-decisions-atom"),
    path("decisions.rss", feeds.rss(feeds.DecisionsFeed)(), name="feed-decisions-rss"),
    path("library.atom", feeds.LibraryFeed(), name="feed-library-atom"),
    path("library.rss", feeds.rss(feeds.LibraryFeed)(), name="feed-library-rss"),
    path("news.atom", feeds.NewsFeed(), name="feed-news-atom"),
    path("news.rss", feeds.rss(feeds.NewsFeed)(), name="feed-news-rss"),
]
