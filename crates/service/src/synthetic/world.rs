//! Where synthetic experts come from and where they live: countries of origin weighted by the
//! rough size of their skilled diaspora, each with the corridors its emigrants follow
//! (Nigeria → United Kingdom and United States, India → United States, United Arab Emirates
//! and United Kingdom, Philippines → United States and Saudi Arabia, Morocco → France and
//! Spain, Mexico → United States, Colombia → Spain and United States, Senegal → France, …),
//! its naming traditions and languages; and the countries of residence with their languages
//! and main cities. The weights are plausible orders of magnitude, not statistics.

use super::names::LOCALES;
use std::sync::OnceLock;

/// A country of origin.
#[derive(Debug, Clone)]
pub struct Origin {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// Relative size of the skilled diaspora.
    pub weight: f64,
    /// Countries of residence and their relative weights.
    pub corridors: Vec<(&'static str, f64)>,
    /// Naming traditions (names of [`LOCALES`]) and their weights.
    pub locales: Vec<(&'static str, f64)>,
    /// Official or lingua-franca languages an emigrant usually speaks besides the home one.
    pub languages: Vec<&'static str>,
    /// ISCO-08 unit groups its emigrants are known for (nurses, doctors, engineers…).
    pub strengths: &'static [&'static str],
}

/// A country of residence.
#[derive(Debug, Clone)]
pub struct Residence {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    /// Languages of daily and working life, main one first.
    pub languages: Vec<&'static str>,
    /// Main cities.
    pub cities: Vec<&'static str>,
}

/// Software developers, systems analysts, engineers.
const TECH: &[&str] = &[
    "2511", "2512", "2513", "2514", "2523", "2142", "2144", "2152",
];
/// Doctors, nurses, midwives, pharmacists.
const HEALTH: &[&str] = &["2211", "2212", "2221", "2222", "2262", "3221"];
/// University teachers and researchers.
const ACADEMIA: &[&str] = &["2310", "2131", "2133", "2120", "2632"];

/// One row of [`ORIGIN_TABLE`].
type OriginRow = (
    &'static str,
    f64,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// Countries of origin: code, diaspora weight, corridors (`residence weight, …`), naming
/// traditions (`locale weight, …`), languages, strengths.
#[rustfmt::skip]
const ORIGIN_TABLE: &[OriginRow] = &[
    ("IN", 18.0, "US 30, AE 20, GB 15, CA 10, SA 8, AU 7, SG 5, DE 5", "north-indian 5, south-indian 4, bengali 1", "en", TECH),
    ("MX", 10.0, "US 85, CA 8, ES 7", "mexican 1", "es", &["2142", "2144", "3115"]),
    ("CN", 8.0, "US 45, CA 20, AU 15, GB 10, JP 10", "chinese 1", "zh", ACADEMIA),
    ("PH", 8.0, "US 45, SA 20, AE 12, CA 10, JP 5, AU 4, SG 4", "filipino 1", "en", HEALTH),
    ("NG", 6.0, "GB 35, US 35, CA 12, DE 5, ZA 5, IE 4, NL 4", "yoruba 4, igbo 4, hausa 2", "en", HEALTH),
    ("PK", 6.0, "GB 35, AE 25, SA 20, US 15, CA 5", "pakistani 1", "ur, en", &["2211", "2512", "2142"]),
    ("BD", 4.0, "GB 30, US 20, AE 20, SA 20, IT 10", "bengali 1", "bn, en", &["2142", "2512"]),
    ("EG", 3.0, "SA 35, AE 20, US 15, IT 10, GB 10, DE 10", "mashriqi 1", "ar, en", &["2211", "2142", "2310"]),
    ("MA", 4.0, "FR 45, ES 25, BE 10, IT 8, NL 6, CA 6", "maghrebi 1", "ar, fr", &["2142", "2512", "2211"]),
    ("DZ", 2.0, "FR 85, CA 10, ES 5", "maghrebi 1", "ar, fr", &["2211", "2142"]),
    ("TN", 1.0, "FR 70, DE 15, IT 15", "maghrebi 1", "ar, fr", &["2211", "2512"]),
    ("SN", 2.0, "FR 55, IT 15, ES 15, US 10, BE 5", "senegambian-mande 1", "fr", ACADEMIA),
    ("ML", 1.0, "FR 70, ES 15, US 15", "senegambian-mande 1", "fr", &["2131", "2132"]),
    ("CI", 1.0, "FR 75, US 15, BE 10", "central-african 1", "fr", ACADEMIA),
    ("CM", 1.0, "FR 50, US 15, DE 20, BE 10, CA 5", "central-african 1", "fr, en", &["2211", "2142"]),
    ("CD", 1.0, "FR 40, BE 40, CA 20", "central-african 1", "fr", ACADEMIA),
    ("RW", 0.5, "BE 30, FR 20, US 30, CA 20", "central-african 1", "rw, fr, en", ACADEMIA),
    ("GH", 2.0, "GB 40, US 35, CA 10, DE 8, NL 7", "akan 1", "en", HEALTH),
    ("KE", 2.0, "US 40, GB 30, CA 10, AE 10, DE 5, AU 5", "east-african 1", "en, sw", HEALTH),
    ("UG", 1.0, "GB 40, US 40, CA 20", "east-african 1", "en", HEALTH),
    ("TZ", 0.5, "GB 40, US 40, CA 20", "east-african 1", "sw, en", ACADEMIA),
    ("ET", 2.0, "US 50, SA 15, GB 10, CA 10, SE 10, DE 5", "ethiopian 1", "am, en", HEALTH),
    ("SO", 1.0, "US 30, GB 30, SE 15, CA 15, NO 10", "somali 1", "so, en", &["2211", "2422"]),
    ("SD", 1.0, "SA 40, AE 20, GB 20, US 20", "mashriqi 1", "ar, en", &["2211", "2212"]),
    ("LB", 1.5, "FR 30, US 25, CA 20, AU 15, DE 10", "mashriqi 1", "ar, fr, en", &["2211", "2411", "2142"]),
    ("ZA", 1.0, "GB 40, AU 25, US 15, NZ 10, CA 10", "southern-african 1", "en", &["2411", "2142", "2211"]),
    ("ZW", 1.0, "GB 50, ZA 30, US 10, AU 10", "southern-african 1", "en", HEALTH),
    ("VN", 3.0, "US 55, FR 15, AU 15, DE 10, CA 5", "vietnamese 1", "vi", TECH),
    ("ID", 2.0, "MY 40, SA 20, US 15, NL 10, AU 15", "indonesian 1", "id", &["2142", "2221"]),
    ("LK", 1.0, "GB 25, AU 20, SA 20, AE 20, CA 15", "sri-lankan-nepali 1", "en", &["2411", "2512"]),
    ("NP", 1.0, "AE 20, QA 20, SA 20, US 15, GB 10, AU 15", "sri-lankan-nepali 1", "ne, en", &["2142", "2221"]),
    ("CO", 3.0, "ES 35, US 40, CA 10, FR 8, CL 7", "andean-caribbean-hispanic 1", "es", &["2142", "2211", "2631"]),
    ("PE", 1.5, "US 40, ES 30, AR 15, IT 15", "andean-caribbean-hispanic 1", "es", &["2142", "2114"]),
    ("VE", 2.0, "CO 30, ES 25, US 25, CL 10, AR 10", "andean-caribbean-hispanic 1", "es", &["2211", "2145", "2512"]),
    ("DO", 1.0, "US 80, ES 20", "andean-caribbean-hispanic 1", "es", &["2221", "2341"]),
    ("BR", 3.0, "US 40, PT 30, JP 10, GB 10, ES 10", "brazilian 1", "pt", &["2512", "2142", "2211"]),
    ("JM", 1.0, "US 50, GB 30, CA 20", "caribbean 1", "en", HEALTH),
    ("HT", 1.0, "US 60, CA 25, FR 15", "caribbean 1", "fr", &["2221", "2341"]),
    ("UA", 3.0, "PL 40, DE 30, CZ 15, US 15", "ukrainian 1", "uk", TECH),
    ("PL", 3.0, "DE 35, GB 35, US 15, NL 10, IE 5", "polish 1", "pl", &["2512", "7126"]),
    ("RO", 2.0, "IT 35, ES 25, DE 25, GB 15", "romanian 1", "ro", &["2211", "2512"]),
    ("TR", 3.0, "DE 60, NL 10, FR 10, US 10, GB 10", "turkish 1", "tr", &["2142", "2144", "2512"]),
];

/// Countries of residence: code, languages, cities.
#[rustfmt::skip]
const RESIDENCE_TABLE: &[(&str, &str, &str)] = &[
    ("US", "en", "New York, Houston, Atlanta, Chicago, Washington, Los Angeles, San Francisco, Boston, Dallas, Seattle, Minneapolis, Miami"),
    ("GB", "en", "London, Manchester, Birmingham, Leeds, Glasgow, Leicester, Bristol, Edinburgh"),
    ("CA", "en, fr", "Toronto, Montréal, Vancouver, Calgary, Ottawa, Edmonton"),
    ("FR", "fr", "Paris, Lyon, Marseille, Toulouse, Bordeaux, Lille, Montpellier, Strasbourg"),
    ("ES", "es", "Madrid, Barcelona, Valencia, Sevilla, Málaga, Bilbao"),
    ("AE", "en, ar", "Dubai, Abu Dhabi, Sharjah"),
    ("SA", "ar, en", "Riyadh, Jeddah, Dammam"),
    ("QA", "ar, en", "Doha"),
    ("DE", "de", "Berlin, Munich, Frankfurt, Hamburg, Cologne, Stuttgart"),
    ("IT", "it", "Milan, Rome, Turin, Bologna, Naples"),
    ("BE", "fr, nl", "Brussels, Antwerp, Liège, Ghent"),
    ("NL", "nl, en", "Amsterdam, Rotterdam, The Hague, Utrecht, Eindhoven"),
    ("PT", "pt", "Lisbon, Porto"),
    ("IE", "en", "Dublin, Cork, Galway"),
    ("SE", "sv, en", "Stockholm, Gothenburg, Malmö"),
    ("NO", "no, en", "Oslo, Bergen"),
    ("PL", "pl", "Warsaw, Kraków, Wrocław"),
    ("CZ", "cs", "Prague, Brno"),
    ("JP", "ja", "Tokyo, Osaka, Nagoya"),
    ("AU", "en", "Sydney, Melbourne, Brisbane, Perth"),
    ("NZ", "en", "Auckland, Wellington"),
    ("SG", "en", "Singapore"),
    ("MY", "ms, en", "Kuala Lumpur, Penang, Johor Bahru"),
    ("ZA", "en", "Johannesburg, Cape Town, Pretoria, Durban"),
    ("CO", "es", "Bogotá, Medellín, Cali"),
    ("CL", "es", "Santiago, Valparaíso"),
    ("AR", "es", "Buenos Aires, Córdoba"),
];

/// The items of a comma-separated list.
fn list(text: &'static str) -> Vec<&'static str> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The `name weight` pairs of a comma-separated list.
fn weighted(text: &'static str) -> Vec<(&'static str, f64)> {
    list(text)
        .into_iter()
        .filter_map(|item| {
            let (name, weight) = item.rsplit_once(' ')?;
            Some((name.trim(), weight.parse().ok()?))
        })
        .collect()
}

/// Every country of origin.
pub fn origins() -> &'static [Origin] {
    static ORIGINS: OnceLock<Vec<Origin>> = OnceLock::new();
    ORIGINS.get_or_init(|| {
        ORIGIN_TABLE
            .iter()
            .map(
                |&(code, weight, corridors, locales, languages, strengths)| Origin {
                    code,
                    weight,
                    corridors: weighted(corridors),
                    locales: weighted(locales),
                    languages: list(languages),
                    strengths,
                },
            )
            .collect()
    })
}

/// Every country of residence a corridor leads to.
pub fn residences() -> &'static [Residence] {
    static RESIDENCES: OnceLock<Vec<Residence>> = OnceLock::new();
    RESIDENCES.get_or_init(|| {
        RESIDENCE_TABLE
            .iter()
            .map(|&(code, languages, cities)| Residence {
                code,
                languages: list(languages),
                cities: list(cities),
            })
            .collect()
    })
}

/// The residence entry of `code`.
#[must_use]
pub fn residence(code: &str) -> Option<&'static Residence> {
    residences().iter().find(|r| r.code == code)
}

/// The origin entry of `code`.
#[must_use]
pub fn origin_of(code: &str) -> Option<&'static Origin> {
    origins().iter().find(|o| o.code == code)
}

/// The index in [`LOCALES`] of the locale called `name`.
#[must_use]
pub fn locale_index(name: &str) -> Option<usize> {
    LOCALES.iter().position(|l| l.name == name)
}

/// The main language of a country of origin or residence, when it is French or Spanish
/// (for choosing the language of headlines, institutions' texts and requests).
#[must_use]
pub fn romance_language(country: &str) -> Option<&'static str> {
    let first = origin_of(country)
        .and_then(|o| o.languages.first())
        .or_else(|| residence(country).and_then(|r| r.languages.first()));
    first.copied().filter(|l| *l == "fr" || *l == "es")
}

#[cfg(test)]
mod tests {
    use super::*;
    use braingain_domain::{CountryCode, LanguageCode};

    #[test]
    fn the_tables_name_real_codes_and_connect() {
        assert_eq!(origins().len(), ORIGIN_TABLE.len());
        assert_eq!(residences().len(), RESIDENCE_TABLE.len());
        for o in origins() {
            CountryCode::parse(o.code).unwrap();
            assert!(o.weight > 0.0 && !o.corridors.is_empty(), "{}", o.code);
            for (to, w) in &o.corridors {
                assert!(residence(to).is_some(), "{} → {to}", o.code);
                assert!(*w > 0.0 && *to != o.code);
            }
            for (name, _) in &o.locales {
                assert!(locale_index(name).is_some(), "{name}");
            }
            for l in &o.languages {
                LanguageCode::parse(l).unwrap();
            }
            assert!(o.strengths.iter().all(|g| g.len() == 4));
        }
        for r in residences() {
            CountryCode::parse(r.code).unwrap();
            assert!(!r.cities.is_empty());
            for l in &r.languages {
                LanguageCode::parse(l).unwrap();
            }
        }
        assert_eq!(romance_language("SN"), Some("fr"));
        assert_eq!(romance_language("CO"), Some("es"));
        assert_eq!(romance_language("ES"), Some("es"));
        assert_eq!(romance_language("NG"), None);
    }
}
