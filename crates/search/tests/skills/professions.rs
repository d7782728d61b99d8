//! What a hydrologist, a cardiologist, a software engineer or a teacher would type.

use super::*;

const CARDIOLOGY: &str = "d37c3b99-7e6c-44b6-81ea-f5d6e0b71a8d";
const PYTHON: &str = "ccd0a1d9-afda-43d9-b901-96344886e14d";
const JAVA: &str = "19a8293b-8e95-4de3-983f-77484079c389";
const JAVASCRIPT: &str = "3cd569a2-4f88-4c1e-9995-8dce8c5e51a7";
const CPP: &str = "b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f";
const CSHARP: &str = "4c016b68-4116-468c-9dc6-42710c239e4a";
const PROJECT_MANAGEMENT: &str = "7111b95d-0ce3-441a-9d92-4c75d05c4388";
const STUDY_GROUNDWATER: &str = "c5320743-60f2-40dc-bc13-337cc3834892";
const MODEL_GROUNDWATER: &str = "d1ee1caa-1956-48f6-a009-318204bf908e";
const HYDROGRAPHY: &str = "d2c3fe66-d01a-473e-a7b1-cb463a617f86";
const APPLY_TEACHING_STRATEGIES: &str = "59eb177a-2f30-4943-8b30-5f87dd51a80d";

#[test]
fn hydrologist() {
    // ESCO has no "hydrology" skill at all: the closest are groundwater and hydrography.
    let mut groundwater = ids("groundwater", Some("en"), 2);
    groundwater.sort();
    assert_eq!(groundwater, [STUDY_GROUNDWATER, MODEL_GROUNDWATER]);
    assert_in_top("nappes phréatiques", Some("fr"), MODEL_GROUNDWATER, 3);
    assert_in_top("aguas subterraneas", Some("es"), STUDY_GROUNDWATER, 3);
    assert_in_top("hydrograph", Some("en"), HYDROGRAPHY, 1);
    assert!(
        ids("hydrology", Some("en"), 10).is_empty(),
        "no such skill, and ≥2 edits away"
    );
}

#[test]
fn cardiologist() {
    assert_eq!(ids("cardiology", Some("en"), 1), [CARDIOLOGY]);
    assert_eq!(ids("cardiologie", Some("fr"), 1), [CARDIOLOGY]);
    assert_eq!(ids("cardiologia", Some("es"), 1), [CARDIOLOGY]);
    assert_in_top("cardio", Some("en"), CARDIOLOGY, 3);
}

#[test]
fn software_engineer() {
    assert_eq!(ids("python", Some("en"), 1), [PYTHON]);
    assert_eq!(ids("pyth", Some("en"), 1), [PYTHON]);
    assert_eq!(ids("pyhton", Some("en"), 1), [PYTHON], "transposed letters");
    // "java" is a whole label and a prefix of "JavaScript": the shorter label first.
    let java = ids("java", Some("en"), 5);
    assert_eq!(java[0], JAVA);
    assert!(java.contains(&JAVASCRIPT.to_owned()), "{java:?}");
    assert_eq!(ids("javascript", Some("fr"), 1), [JAVASCRIPT]);
    // "C++" and "C#" both fold to the word "c"; the label typed exactly comes first.
    assert_eq!(ids("c++", Some("en"), 2), [CPP, CSHARP]);
    assert_eq!(ids("C#", Some("en"), 2), [CSHARP, CPP]);
}

#[test]
fn project_manager_in_three_languages() {
    assert_eq!(
        ids("project management", Some("en"), 1),
        [PROJECT_MANAGEMENT]
    );
    assert_in_top("gestion de projet", Some("fr"), PROJECT_MANAGEMENT, 3);
    assert_in_top("gestion de proyectos", Some("es"), PROJECT_MANAGEMENT, 1);
    assert_in_top("project manag", Some("en"), PROJECT_MANAGEMENT, 1);
}

#[test]
fn teacher() {
    assert_in_top(
        "teaching strategies",
        Some("en"),
        APPLY_TEACHING_STRATEGIES,
        1,
    );
    assert_in_top(
        "estrategias de enseñanza",
        Some("es"),
        APPLY_TEACHING_STRATEGIES,
        1,
    );
    // Every Spanish suggestion for "enseñanza" contains the word, typed with or without ñ.
    let with_tilde = suggest("enseñanza", Some("es"), 10);
    assert_eq!(with_tilde.len(), 10);
    assert!(
        with_tilde
            .iter()
            .all(|s| s.lang == "es" && s.matched_label.contains("enseñanza"))
    );
    assert_eq!(with_tilde, suggest("ensenanza", Some("es"), 10));
    assert!(ids("enseñanza", Some("es"), 10).contains(&APPLY_TEACHING_STRATEGIES.to_owned()));
}

#[test]
fn mixed_apostrophes_inside_one_label() {
    // "procédés d’hydrogénation d'huiles comestibles" mixes ’ and ' in one label.
    assert_in_top(
        "d'hydrogenation d’huiles",
        Some("fr"),
        "aefbae85-3b3b-4d3b-b938-e4e941b5cbb2",
        1,
    );
}

#[test]
fn skills_without_an_english_label_fall_back_to_french_or_spanish() {
    let found = suggest("pistolet graisseur", Some("en"), 3);
    assert_eq!(
        found[0].id, "070b9cfc-5052-4567-ab82-cb931eaed700",
        "{found:#?}"
    );
    assert_eq!(found[0].lang, "fr");
}
