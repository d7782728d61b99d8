//! Ranking rules on a tiny hand-made index (the real ESCO data is tested in `tests/skills`).

use super::*;

fn entry(id: &str, labels: &[(&str, &str, &[&str])]) -> SkillEntry {
    SkillEntry {
        id: id.to_owned(),
        labels: labels
            .iter()
            .map(|(lang, preferred, alternatives)| {
                let labels = SkillLabels {
                    preferred: (*preferred).to_owned(),
                    alternatives: alternatives.iter().map(|a| (*a).to_owned()).collect(),
                };
                ((*lang).to_owned(), labels)
            })
            .collect(),
    }
}

fn index() -> SkillIndex {
    SkillIndex::build([
        entry(
            "ml",
            &[
                ("en", "utilize machine learning", &[]),
                ("fr", "utiliser l’apprentissage automatique", &[]),
                (
                    "es",
                    "utilizar aprendizaje automático",
                    &["aprendizaje de máquinas"],
                ),
            ],
        ),
        entry(
            "pm",
            &[
                ("en", "project management", &[]),
                ("fr", "gestion de projets", &[]),
            ],
        ),
        entry("agile", &[("en", "Agile project management", &[])]),
        entry("budget", &[("en", "manage project budget", &[])]),
        entry("gestion", &[("fr", "gestion", &[]), ("es", "gestión", &[])]),
        entry("machines", &[("en", "operate machines", &[])]),
        entry("lathe", &[("en", "machines lathe", &[])]),
        entry("teach", &[("en", "teach writing", &[])]),
        entry("c#", &[("en", "C#", &[])]),
        entry("c++", &[("en", "C++", &[])]),
        entry("learn", &[("en", "learning", &["lerning typo-free alt"])]),
        entry(
            "no-en",
            &[
                ("en", "", &[]),
                ("fr", "utiliser un pistolet graisseur", &[]),
            ],
        ),
    ])
    .unwrap()
}

fn ids(index: &SkillIndex, query: &str, lang: Option<&str>) -> Vec<String> {
    let found = index.suggest(query, lang, 10).unwrap();
    found.into_iter().map(|s| s.id).collect()
}

#[test]
fn counts_skills_and_non_empty_labels() {
    let index = index();
    assert_eq!(index.skill_count(), 12);
    assert_eq!(index.label_count(), 18);
}

#[test]
fn all_words_must_match_and_the_last_may_be_a_prefix() {
    let index = index();
    assert_eq!(ids(&index, "machine lea", None), ["ml"]);
    assert_eq!(
        ids(&index, "mach", None),
        ["lathe", "machines", "ml"],
        "shorter first"
    );
    assert!(ids(&index, "machine zebra", None).is_empty());
}

#[test]
fn exact_words_beat_prefixes_of_finished_words() {
    let index = index();
    // "machine" is a whole word of "ml" but only a prefix of "machines" in the shorter "lathe".
    assert_eq!(ids(&index, "machine l", None), ["ml", "lathe"]);
}

#[test]
fn typos_match_but_rank_below_exact_hits() {
    let index = index();
    assert_eq!(ids(&index, "machne learning", None), ["ml"]);
    assert_eq!(ids(&index, "aprendizaje automatco", None), ["ml"]);
    // "learning" exact (skill "learn") beats "lerning"-style fuzzy hits; both found.
    let found = index.suggest("learnig", None, 10).unwrap();
    assert!(found.iter().any(|s| s.id == "learn"));
    assert!(ids(&index, "lear", None).contains(&"learn".to_owned()));
    assert!(
        ids(&index, "mahc", None).is_empty(),
        "no typo tolerance below 5 letters"
    );
    assert!(
        ids(&index, "mchine", None).contains(&"ml".to_owned()),
        "one edit from 5 letters"
    );
}

#[test]
fn stems_match_other_inflections() {
    assert_eq!(ids(&index(), "teaching writing", Some("en")), ["teach"]);
}

#[test]
fn the_users_language_ranks_first_and_is_reported() {
    let index = index();
    let es = index.suggest("gestion", Some("es"), 10).unwrap();
    assert_eq!(es[0].id, "gestion");
    assert_eq!(
        (es[0].lang.as_str(), es[0].matched_label.as_str()),
        ("es", "gestión")
    );
    let fr = index.suggest("gestion", Some("FR-ca"), 10).unwrap();
    assert_eq!(
        (fr[0].lang.as_str(), fr[0].matched_label.as_str()),
        ("fr", "gestion")
    );
}

#[test]
fn one_suggestion_per_skill_with_its_best_label() {
    let index = index();
    let found = index.suggest("aprendizaje", Some("es"), 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].matched_label, "utilizar aprendizaje automático",
        "preferred first"
    );
}

#[test]
fn words_in_the_typed_order_rank_first() {
    let index = index();
    assert_eq!(
        ids(&index, "project manag", Some("en")),
        ["pm", "agile", "budget"]
    );
    // "manage project budget" is longer than "project management" but has the typed order.
    assert_eq!(
        ids(&index, "manag proj", Some("en")),
        ["budget", "pm", "agile"]
    );
}

#[test]
fn a_whole_label_typed_exactly_comes_first() {
    let index = index();
    // Both fold to the word "c"; C# is shorter, but C++ is what was typed.
    assert_eq!(ids(&index, "c++", Some("en"))[..2], ["c++", "c#"]);
    assert_eq!(ids(&index, "C#", Some("en"))[..2], ["c#", "c++"]);
}

#[test]
fn shorter_labels_win_ties() {
    // Both have "project management" in order; the shorter label wins.
    let found = ids(&index(), "project management", Some("en"));
    assert_eq!(found[..2], ["pm", "agile"]);
}

#[test]
fn skills_without_an_english_label_are_found_in_other_languages() {
    let found = index().suggest("pistolet", Some("en"), 5).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].id.as_str(), found[0].lang.as_str()),
        ("no-en", "fr")
    );
}

#[test]
fn limit_is_respected() {
    let index = index();
    assert!(index.suggest("u", None, 0).unwrap().is_empty());
    assert_eq!(index.suggest("u", None, 2).unwrap().len(), 2);
}

#[test]
fn empty_ids_and_languages_are_rejected() {
    let empty_id = SkillIndex::build([entry(" ", &[("en", "x", &[])])]);
    assert!(matches!(empty_id, Err(SearchError::InvalidEntry(_))));
    let empty_lang = SkillIndex::build([entry("x", &[("", "x", &[])])]);
    assert!(matches!(empty_lang, Err(SearchError::InvalidEntry(_))));
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SkillIndex>();
}
