//! The brief's reference skill, reached from every language, with prefixes, typos, without
//! accents and across languages.

use super::*;

#[test]
fn french_query_in_french_finds_it_first() {
    let found = suggest("apprentissage automatique", Some("fr"), 10);
    assert!(
        found.iter().take(3).any(|s| s.id == MACHINE_LEARNING),
        "{found:#?}"
    );
    let hit = found.iter().find(|s| s.id == MACHINE_LEARNING).unwrap();
    assert_eq!(hit.lang, "fr");
    assert_eq!(hit.matched_label, "utiliser l’apprentissage automatique");
}

#[test]
fn english_query_finds_it_with_the_english_label() {
    let found = suggest("machine learning", Some("en"), 10);
    assert_eq!(found[0].id, MACHINE_LEARNING, "{found:#?}");
    assert_eq!(
        (found[0].lang.as_str(), found[0].matched_label.as_str()),
        ("en", "utilize machine learning")
    );
}

#[test]
fn spanish_query_finds_it_with_or_without_accents() {
    for query in [
        "aprendizaje automático",
        "aprendizaje automatico",
        "APRENDIZAJE AUTOMÁTICO",
    ] {
        let found = suggest(query, Some("es"), 10);
        assert_eq!(found[0].id, MACHINE_LEARNING, "{query}: {found:#?}");
        assert_eq!(found[0].lang, "es");
    }
}

#[test]
fn apostrophe_style_and_case_do_not_matter() {
    for query in [
        "l'apprentissage automatique",
        "L’APPRENTISSAGE AUTOMATIQUE",
        "utiliser l apprentissage",
    ] {
        assert_in_top(query, Some("fr"), MACHINE_LEARNING, 1);
    }
}

#[test]
fn the_last_word_may_be_a_prefix() {
    assert_in_top("machine lea", Some("en"), MACHINE_LEARNING, 1);
    assert_in_top("apprentissage auto", Some("fr"), MACHINE_LEARNING, 1);
    assert_in_top("aprendizaje autom", Some("es"), MACHINE_LEARNING, 1);
    // Earlier words may be prefixes too.
    assert_in_top("mach learn", Some("en"), MACHINE_LEARNING, 1);
}

#[test]
fn a_french_prefix_reaches_the_french_label() {
    let found = suggest("appren", Some("fr"), 50);
    let hit = found
        .iter()
        .find(|s| s.id == MACHINE_LEARNING)
        .expect("found by prefix");
    assert_eq!(hit.lang, "fr");
    // Spanish "aprend…" labels match too (one edit), after every French `appren…` label.
    let first_other = found
        .iter()
        .position(|s| s.lang != "fr")
        .unwrap_or(found.len());
    assert!(first_other >= 10, "{found:#?}");
    assert!(
        found[first_other..].iter().all(|s| s.lang != "fr"),
        "{found:#?}"
    );
}

#[test]
fn one_typo_per_long_word_is_forgiven() {
    assert_in_top("machne learning", Some("en"), MACHINE_LEARNING, 1);
    assert_in_top("machine lerning", Some("en"), MACHINE_LEARNING, 1);
    assert_in_top("mahcine learning", Some("en"), MACHINE_LEARNING, 1); // transposition
    assert_in_top("aprendizaje automatco", Some("es"), MACHINE_LEARNING, 1);
    assert_in_top("apprentisage automatique", Some("fr"), MACHINE_LEARNING, 1);
}

#[test]
fn two_typos_in_one_word_are_not_forgiven() {
    assert_eq!(rank("mchne learning", Some("en"), MACHINE_LEARNING), None);
}

#[test]
fn exact_hits_rank_above_typo_hits() {
    let exact = suggest("machine learning", Some("en"), 1);
    let typo = suggest("machne learning", Some("en"), 1);
    assert!(exact[0].score > typo[0].score, "{exact:?} vs {typo:?}");
}

#[test]
fn other_languages_match_whatever_the_users_language() {
    for (query, lang) in [
        ("aprendizaje automático", "en"),
        ("apprentissage automatique", "en"),
        ("machine learning", "fr"),
        ("machine learning", "es"),
    ] {
        assert_in_top(query, Some(lang), MACHINE_LEARNING, 1);
    }
    assert_in_top("apprentissage automatique", None, MACHINE_LEARNING, 1);
    assert_in_top(
        "apprentissage automatique",
        Some("pt-BR"),
        MACHINE_LEARNING,
        1,
    );
}

#[test]
fn the_users_language_wins_among_labels_of_one_skill() {
    // "Python" is the preferred label in all three languages; the user's language is reported.
    for lang in ["en", "fr", "es"] {
        let found = suggest("python", Some(lang), 5);
        assert_eq!(found[0].lang, lang, "{found:#?}");
    }
}
