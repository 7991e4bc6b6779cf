"""Reading state (issue 19): read/unread and starred per article, unread counts per issue,
"next unread" in the tree's order, and the is:unread / is:starred search filters."""

from __future__ import annotations

from reader.app import reading
from reader.app.archive import node_key
from reader.library import Library


def _issue_articles(session, n=0):
    issue = session.library.issues.all()[n]
    return issue, session.library.articles.in_issue(issue.id)


def test_marking_is_idempotent_and_reports_what_changed(session):
    _issue, articles = _issue_articles(session)
    first, second = articles[0].id, articles[1].id
    changes = reading.mark_read(session, [first, second])
    assert changes.reading and changes.article_ids == {first, second}
    assert reading.mark_read(session, [first]).empty  # already read: nothing changes
    assert reading.state(session, first) == reading.ReadingState(first, True, False)
    assert reading.mark_read(session, [first], read=False).article_ids == {first}
    assert reading.star(session, [second]).article_ids == {second}
    assert reading.state(session, second) == reading.ReadingState(second, True, True)
    assert reading.state(session, first) == reading.ReadingState(first, False, False)


def test_unread_counts_per_issue_follow_the_marks(session):
    issue, articles = _issue_articles(session)
    before = reading.unread_counts(session)
    assert before[issue.id].articles == before[issue.id].unread == len(articles)
    assert sum(c.articles for c in before.values()) == len(session.library.articles.ids())
    reading.mark_read(session, [a.id for a in articles[:3]])
    after = reading.unread_counts(session)
    assert after[issue.id].unread == len(articles) - 3
    assert {i: c for i, c in after.items() if i != issue.id} == {
        i: c for i, c in before.items() if i != issue.id}


def test_next_unread_walks_the_tree_order_and_wraps(session):
    issues = session.library.issues.all()
    first_issue = session.library.articles.in_issue(issues[0].id)
    second_issue = session.library.articles.in_issue(issues[1].id)
    ids = [a.id for a in first_issue]
    assert reading.next_unread(session, None) == ids[0]
    assert reading.next_unread(session, ids[0]) == ids[1]
    reading.mark_read(session, ids[1:3])
    assert reading.next_unread(session, ids[0]) == ids[3]
    # the last article of an issue goes on to the next issue
    reading.mark_read(session, ids)
    assert reading.next_unread(session, ids[-1]) == second_issue[0].id
    # everything after is read: back to the first unread before
    everything = session.library.articles.ids()
    reading.mark_read(session, [i for i in everything if i != ids[4]])
    reading.mark_read(session, [ids[4]], read=False)
    assert reading.next_unread(session, second_issue[0].id) == ids[4]
    assert reading.next_unread(session, ids[4]) is None  # the only unread one is open
    reading.mark_read(session, [ids[4]])
    assert reading.next_unread(session, ids[0]) is None


def test_is_filters_search_the_reading_state(session):
    session.ensure_index()
    _issue, articles = _issue_articles(session)
    total = len(session.library.articles.ids())
    reading.mark_read(session, [a.id for a in articles[:2]])
    reading.star(session, [articles[5].id])
    assert session.search("is:unread", limit=1000).total == total - 2
    assert {h.id for h in session.search("is:read", limit=100).hits} == {a.id for a in articles[:2]}
    assert [h.id for h in session.search("状态:星标").hits] == [articles[5].id]
    assert articles[0].id not in {h.id for h in session.search("-is:read", limit=1000).hits}
    notice = session.search("is:maybe")
    assert notice.notices  # not a state: searched as text, with a notice


def test_the_state_survives_a_reopen(session, library_dir):
    _issue, articles = _issue_articles(session)
    reading.star(session, [articles[0].id])
    reading.mark_read(session, [articles[0].id])
    with Library.open(library_dir / "library.sqlite3") as again:
        assert again.reading.states([articles[0].id]) == {articles[0].id: (True, True)}


def test_read_by_node_counts_the_read_articles_under_each_node(session):
    _issue = session.library.issues.all()[0]
    articles = session.library.articles.in_issue(_issue.id)
    assert reading.read_by_node(session) == {}
    reading.mark_read(session, [a.id for a in articles[:2]])
    read = reading.read_by_node(session)
    assert read[node_key("issue", _issue.id)] == 2
    assert read[node_key("paper", _issue.publication_id)] == 2
    pages = {k: v for k, v in read.items() if k.startswith("page")}
    assert sum(pages.values()) == 2
