"""The evidence table: every sentence that reports an incident, with its outlet and its words."""
from helpers.incidents import incident_evidence


def test_each_incident_is_shown_with_the_sentences_that_report_it(seed_tables):
    evidence = incident_evidence(seed_tables["incidents"], seed_tables["sentences"], seed_tables["articles"])
    attack = evidence[evidence["label"] == "Jaish al-Adl attacks Iran"]
    # EFE, paragraph 11: the December attack on police in Iran, told once.
    assert attack[["outlet", "sentence_id"]].values.tolist() == [["EFE", 11]]
    assert attack["quote"].iloc[0].startswith("Jaish-al-Adl claimed responsibility for an attack that killed 11")
    # Iran's strike on Jaish al-Adl is told by both outlets.
    strike = evidence[evidence["label"].str.startswith("Iran strikes Jaish al-Adl")]
    assert set(strike["outlet"]) == {"Al Jazeera", "EFE"}
    assert (evidence["quote"] != "").all()


def test_no_incidents_give_an_empty_table_with_its_columns(seed_tables):
    empty = incident_evidence(seed_tables["incidents"].iloc[0:0], seed_tables["sentences"], seed_tables["articles"])
    assert empty.empty and list(empty.columns) == ["incident_id", "label", "outlet", "article_id", "sentence_id",
                                                   "quote"]
