//! A small realistic corpus: 40 diaspora experts (hydrologists, cardiologists, software
//! engineers, agronomists, teachers, public-health and energy people) living in several
//! countries, with profiles in English, French or Spanish and skills labelled in en/fr/es.

use braingain_search::{DocSkill, ExpertDoc};

/// Taxonomy skills: id, labels in every language, broader skill ids.
pub struct Skill {
    pub id: &'static str,
    pub labels: &'static [&'static str],
    pub broader: &'static [&'static str],
}

macro_rules! skill {
    ($name:ident, $id:literal, [$($label:literal),*], [$($broader:expr),*]) => {
        pub const $name: Skill =
            Skill { id: $id, labels: &[$($label),*], broader: &[$($broader),*] };
    };
}

skill!(
    HYDROLOGY,
    "sk-hydrology",
    [
        "hydrology",
        "water resources management",
        "hydrologie",
        "gestion des ressources en eau",
        "hidrología",
        "gestión de recursos hídricos"
    ],
    []
);
skill!(
    FLOOD,
    "sk-flood",
    [
        "flood risk modelling",
        "modélisation du risque d’inondation",
        "modelado del riesgo de inundaciones"
    ],
    [HYDROLOGY.id]
);
skill!(
    AGRONOMY,
    "sk-agronomy",
    ["agronomy", "crop science", "agronomie", "agronomía"],
    []
);
skill!(
    IRRIGATION,
    "sk-irrigation",
    [
        "irrigation systems",
        "systèmes d’irrigation",
        "sistemas de riego"
    ],
    [AGRONOMY.id]
);
skill!(
    SOIL,
    "sk-soil",
    ["soil science", "science du sol", "edafología"],
    [AGRONOMY.id]
);
skill!(
    CARDIOLOGY,
    "sk-cardiology",
    ["cardiology", "cardiologie", "cardiología"],
    []
);
skill!(
    ECHO,
    "sk-echo",
    ["echocardiography", "échocardiographie", "ecocardiografía"],
    [CARDIOLOGY.id]
);
skill!(
    PAEDIATRICS,
    "sk-paediatrics",
    ["paediatrics", "pediatrics", "pédiatrie", "pediatría"],
    []
);
skill!(
    SURGERY,
    "sk-surgery",
    ["surgery", "chirurgie", "cirugía"],
    []
);
skill!(
    PUBLIC_HEALTH,
    "sk-public-health",
    ["public health", "santé publique", "salud pública"],
    []
);
skill!(
    EPIDEMIOLOGY,
    "sk-epidemiology",
    ["epidemiology", "épidémiologie", "epidemiología"],
    [PUBLIC_HEALTH.id]
);
skill!(
    SOFTWARE,
    "sk-software",
    [
        "software development",
        "programming",
        "développement de logiciels",
        "programmation",
        "desarrollo de software",
        "programación"
    ],
    []
);
skill!(
    ML,
    "sk-ml",
    [
        "machine learning",
        "apprentissage automatique",
        "aprendizaje automático"
    ],
    [SOFTWARE.id]
);
skill!(
    DATA,
    "sk-data",
    ["data analysis", "analyse de données", "análisis de datos"],
    []
);
skill!(
    TEACHING,
    "sk-teaching",
    [
        "teaching",
        "pedagogy",
        "enseignement",
        "pédagogie",
        "enseñanza",
        "pedagogía"
    ],
    []
);
skill!(
    MATHS_TEACHING,
    "sk-maths-teaching",
    [
        "mathematics teaching",
        "enseignement des mathématiques",
        "enseñanza de las matemáticas"
    ],
    [TEACHING.id]
);
skill!(
    SOLAR,
    "sk-solar",
    [
        "solar energy",
        "photovoltaics",
        "énergie solaire",
        "energía solar"
    ],
    []
);
skill!(
    CIVIL,
    "sk-civil",
    ["civil engineering", "génie civil", "ingeniería civil"],
    []
);
skill!(
    PROJECT,
    "sk-project",
    [
        "project management",
        "gestion de projet",
        "gestión de proyectos"
    ],
    []
);

/// "Now" of every test: 2026-06-01T00:00:00Z.
pub const NOW: i64 = 1_780_272_000;
pub const DAY: i64 = 86_400;

/// The profile id of expert number `n`.
pub fn id(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// One expert, written compactly: see [`corpus`].
struct E {
    n: u32,
    name: &'static str,
    headline: &'static str,
    bio: &'static str,
    positions: &'static [&'static str],
    skills: &'static [(&'static Skill, u8)],
    home: &'static str,
    origins: &'static [&'static str],
    langs: &'static [&'static str],
    engage: &'static [&'static str],
    modes: &'static [&'static str],
    hours: Option<u32>,
    verified: bool,
    days_ago: i64,
}

impl E {
    fn doc(&self) -> ExpertDoc {
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        ExpertDoc {
            profile_id: id(self.n),
            display_name: self.name.into(),
            headline: self.headline.into(),
            bio: self.bio.into(),
            positions: strings(self.positions),
            skills: self
                .skills
                .iter()
                .map(|(skill, level)| DocSkill {
                    id: skill.id.into(),
                    level: *level,
                    labels: strings(skill.labels),
                    broader: strings(skill.broader),
                })
                .collect(),
            residence_country: self.home.into(),
            origin_countries: strings(self.origins),
            languages: strings(self.langs),
            engagement_types: strings(self.engage),
            work_modes: strings(self.modes),
            hours_per_month: self.hours,
            verified: self.verified,
            // Every seventh profile is visible to signed-in members only.
            public: !self.n.is_multiple_of(7),
            last_active: NOW - self.days_ago * DAY,
        }
    }
}

const MENT: &str = "MENTORING";
const LECT: &str = "LECTURING";
const RES: &str = "JOINT_RESEARCH";
const CONS: &str = "CONSULTING";
const TRAIN: &str = "TRAINING";
const SUP: &str = "SUPERVISION";
const REMOTE: &str = "REMOTE";
const VISIT: &str = "SHORT_VISIT";
const STAY: &str = "LONG_STAY";

/// One expert per line, so the corpus reads as a table (hence no rustfmt).
#[rustfmt::skip]
const EXPERTS: &[E] = &[
    E { n: 1, name: "Amina Okafor", headline: "Hydrologist specialising in flood risk modelling", bio: "Twelve years modelling river floods and urban drainage for Rijkswaterstaat. I supervise PhD students working on the Niger delta.", positions: &["Senior hydrologist, Deltares"], skills: &[(&HYDROLOGY, 5), (&FLOOD, 5), (&DATA, 3)], home: "NL", origins: &["NG"], langs: &["en", "nl", "yo"], engage: &[MENT, SUP, RES], modes: &[REMOTE, VISIT], hours: Some(10), verified: true, days_ago: 3 },
    E { n: 2, name: "Moussa Diop", headline: "Ingénieur hydrologue, gestion intégrée des ressources en eau", bio: "Je travaille sur la gestion de l'eau dans le bassin du fleuve Sénégal et la modélisation hydrologique.", positions: &["Chargé de recherche, IRD"], skills: &[(&HYDROLOGY, 4), (&IRRIGATION, 3)], home: "FR", origins: &["SN"], langs: &["fr", "wo", "en"], engage: &[RES, LECT], modes: &[VISIT, STAY], hours: Some(8), verified: true, days_ago: 20 },
    E { n: 3, name: "Lucía Fernández", headline: "Hidróloga, especialista en aguas subterráneas", bio: "Investigo la recarga de acuíferos y la gestión sostenible del agua en zonas áridas.", positions: &["Profesora titular, Universidad de Granada"], skills: &[(&HYDROLOGY, 4)], home: "ES", origins: &["CO"], langs: &["es", "en"], engage: &[LECT, SUP], modes: &[REMOTE], hours: Some(6), verified: false, days_ago: 45 },
    E { n: 4, name: "Kwame Mensah", headline: "Climate adaptation policy advisor", bio: "I advise governments on climate adaptation strategies and water policy in West Africa.", positions: &["Policy advisor, UNDP"], skills: &[(&PROJECT, 4), (&PUBLIC_HEALTH, 2)], home: "US", origins: &["GH"], langs: &["en", "tw"], engage: &[CONS], modes: &[REMOTE], hours: Some(4), verified: true, days_ago: 10 },
    E { n: 5, name: "Fatou Sow", headline: "Hydrologist working on climate adaptation of water supply", bio: "Modelling drought and water supply under climate change for utilities.", positions: &["Research fellow, University of Reading"], skills: &[(&HYDROLOGY, 3), (&DATA, 4)], home: "GB", origins: &["SN", "ML"], langs: &["en", "fr", "wo"], engage: &[RES, MENT], modes: &[REMOTE, VISIT], hours: Some(12), verified: true, days_ago: 1 },
    E { n: 6, name: "Chinedu Eze", headline: "Consultant cardiologist", bio: "Interventional cardiology, heart failure clinics and training of junior doctors. Happy to mentor residents in Enugu.", positions: &["Consultant cardiologist, Guy's and St Thomas'"], skills: &[(&CARDIOLOGY, 5), (&ECHO, 4)], home: "GB", origins: &["NG"], langs: &["en", "ig"], engage: &[MENT, TRAIN, LECT], modes: &[REMOTE, VISIT], hours: Some(6), verified: true, days_ago: 5 },
    E { n: 7, name: "Aïssatou Ba", headline: "Cardiologue, échocardiographie et cardiologie pédiatrique", bio: "Cardiologue au CHU de Lyon, j'enseigne l'échocardiographie aux internes.", positions: &["Praticien hospitalier, Hospices Civils de Lyon"], skills: &[(&CARDIOLOGY, 4), (&ECHO, 5), (&PAEDIATRICS, 3)], home: "FR", origins: &["SN"], langs: &["fr", "en"], engage: &[TRAIN, LECT], modes: &[VISIT], hours: Some(5), verified: true, days_ago: 30 },
    E { n: 8, name: "Carlos Mendoza", headline: "Cardiólogo clínico", bio: "Cardiología preventiva y rehabilitación cardíaca. Colaboro con hospitales en Bolivia.", positions: &["Médico adjunto, Hospital Clínic de Barcelona"], skills: &[(&CARDIOLOGY, 4)], home: "ES", origins: &["BO"], langs: &["es"], engage: &[CONS, MENT], modes: &[REMOTE], hours: Some(4), verified: false, days_ago: 200 },
    E { n: 9, name: "Grace Wanjiru", headline: "Paediatric surgeon", bio: "Paediatric surgery and surgical training in East Africa; I run workshops in Nairobi twice a year.", positions: &["Paediatric surgeon, Great Ormond Street Hospital"], skills: &[(&SURGERY, 5), (&PAEDIATRICS, 4)], home: "GB", origins: &["KE"], langs: &["en", "sw"], engage: &[TRAIN, SUP], modes: &[VISIT, STAY], hours: Some(8), verified: true, days_ago: 12 },
    E { n: 10, name: "Tunde Bakare", headline: "Senior software engineer, distributed systems", bio: "Backend engineering in Rust and Go, mentoring junior engineers, open source maintainer.", positions: &["Staff engineer, Adyen"], skills: &[(&SOFTWARE, 5)], home: "NL", origins: &["NG"], langs: &["en", "yo"], engage: &[MENT, TRAIN], modes: &[REMOTE], hours: Some(10), verified: true, days_ago: 2 },
    E { n: 11, name: "Nadia Benali", headline: "Machine learning engineer", bio: "I build machine learning models for medical imaging and teach deep learning.", positions: &["ML engineer, Owkin"], skills: &[(&ML, 5), (&SOFTWARE, 4), (&DATA, 4)], home: "FR", origins: &["MA", "DZ"], langs: &["fr", "en", "ar"], engage: &[MENT, RES, LECT], modes: &[REMOTE, VISIT], hours: Some(15), verified: true, days_ago: 4 },
    E { n: 12, name: "Diego Ramírez", headline: "Desarrollador de software y científico de datos", bio: "Desarrollo de software para fintech y análisis de datos; doy clases de programación.", positions: &["Tech lead, Cabify"], skills: &[(&SOFTWARE, 4), (&DATA, 4), (&ML, 2)], home: "ES", origins: &["PE"], langs: &["es", "en"], engage: &[MENT, TRAIN], modes: &[REMOTE], hours: Some(5), verified: false, days_ago: 60 },
    E { n: 13, name: "Samuel Owusu", headline: "Data engineer", bio: "Data pipelines, SQL and Python for public health surveillance.", positions: &["Data engineer, Wellcome Trust"], skills: &[(&DATA, 4), (&SOFTWARE, 3)], home: "GB", origins: &["GH"], langs: &["en"], engage: &[CONS], modes: &[REMOTE], hours: None, verified: true, days_ago: 400 },
    E { n: 14, name: "Esther Nyambura", headline: "Agronomist, soil fertility and smallholder farming", bio: "Soil science research on maize and bean systems in Kenya; extension training for farmers.", positions: &["Researcher, Wageningen University"], skills: &[(&AGRONOMY, 5), (&SOIL, 5)], home: "NL", origins: &["KE"], langs: &["en", "sw"], engage: &[RES, TRAIN], modes: &[VISIT, STAY], hours: Some(10), verified: true, days_ago: 7 },
    E { n: 15, name: "Ibrahima Fall", headline: "Agronome, systèmes d'irrigation goutte-à-goutte", bio: "J'accompagne les coopératives maraîchères dans la conception de systèmes d'irrigation.", positions: &["Consultant indépendant"], skills: &[(&AGRONOMY, 4), (&IRRIGATION, 5)], home: "BE", origins: &["SN"], langs: &["fr", "wo"], engage: &[CONS, TRAIN], modes: &[VISIT], hours: Some(20), verified: true, days_ago: 15 },
    E { n: 16, name: "María José Quispe", headline: "Ingeniera agrónoma, riego y cultivos andinos", bio: "Trabajo en sistemas de riego para quinua y papa en el altiplano.", positions: &["Investigadora, INIA"], skills: &[(&AGRONOMY, 4), (&IRRIGATION, 4)], home: "CL", origins: &["PE", "BO"], langs: &["es", "qu"], engage: &[RES, CONS], modes: &[REMOTE, VISIT], hours: Some(6), verified: true, days_ago: 25 },
    E { n: 17, name: "Joseph Kamau", headline: "Secondary school mathematics teacher", bio: "Teaching mathematics for twenty years; I design teacher training courses.", positions: &["Head of mathematics, Leeds Grammar School"], skills: &[(&MATHS_TEACHING, 5), (&TEACHING, 5)], home: "GB", origins: &["KE"], langs: &["en", "sw"], engage: &[TRAIN, MENT], modes: &[REMOTE], hours: Some(4), verified: false, days_ago: 9 },
    E { n: 18, name: "Awa Traoré", headline: "Professeure de mathématiques et formatrice d'enseignants", bio: "Enseignement des mathématiques au lycée, formation continue des enseignants au Mali.", positions: &["Professeure agrégée, Lycée Henri IV"], skills: &[(&MATHS_TEACHING, 5), (&TEACHING, 4)], home: "FR", origins: &["ML"], langs: &["fr", "bm"], engage: &[TRAIN, LECT], modes: &[REMOTE, VISIT], hours: Some(6), verified: true, days_ago: 18 },
    E { n: 19, name: "Rosa Delgado", headline: "Maestra de primaria y formadora", bio: "Enseñanza de lectura y pedagogía activa en escuelas rurales.", positions: &["Maestra, CEIP Madrid"], skills: &[(&TEACHING, 4)], home: "ES", origins: &["EC"], langs: &["es"], engage: &[TRAIN], modes: &[REMOTE], hours: Some(3), verified: false, days_ago: 90 },
    E { n: 20, name: "Abdou Karim Ndiaye", headline: "Epidemiologist, infectious disease surveillance", bio: "Epidemiology of malaria and cholera; outbreak response with WHO.", positions: &["Epidemiologist, Institut Pasteur"], skills: &[(&EPIDEMIOLOGY, 5), (&PUBLIC_HEALTH, 4), (&DATA, 3)], home: "FR", origins: &["SN"], langs: &["fr", "en", "wo"], engage: &[RES, CONS], modes: &[VISIT], hours: Some(8), verified: true, days_ago: 6 },
    E { n: 21, name: "Chipo Moyo", headline: "Public health specialist, maternal health", bio: "Maternal and child health programmes; health systems strengthening in Zimbabwe.", positions: &["Public health advisor, NHS England"], skills: &[(&PUBLIC_HEALTH, 5)], home: "GB", origins: &["ZW"], langs: &["en", "sn"], engage: &[CONS, MENT], modes: &[REMOTE], hours: Some(5), verified: true, days_ago: 14 },
    E { n: 22, name: "Yaw Boateng", headline: "Solar energy engineer, off-grid systems", bio: "Designing solar mini-grids and photovoltaic systems for rural clinics.", positions: &["Engineer, Siemens Energy"], skills: &[(&SOLAR, 5), (&CIVIL, 2)], home: "DE", origins: &["GH"], langs: &["en", "de", "tw"], engage: &[CONS, TRAIN], modes: &[VISIT], hours: Some(8), verified: true, days_ago: 11 },
    E { n: 23, name: "Olumide Adeyemi", headline: "Civil engineer, water infrastructure", bio: "Dams, pipelines and water treatment plants; project management of large infrastructure.", positions: &["Project director, Arup"], skills: &[(&CIVIL, 5), (&PROJECT, 4)], home: "GB", origins: &["NG"], langs: &["en", "yo"], engage: &[CONS, MENT], modes: &[VISIT], hours: Some(4), verified: true, days_ago: 8 },
    E { n: 24, name: "Hélène Kaboré", headline: "Ingénieure en énergie solaire", bio: "Électrification rurale par l'énergie solaire au Burkina Faso.", positions: &["Ingénieure, EDF Renewables"], skills: &[(&SOLAR, 4)], home: "FR", origins: &["BF"], langs: &["fr"], engage: &[CONS], modes: &[REMOTE, VISIT], hours: Some(6), verified: false, days_ago: 33 },
    E { n: 25, name: "José Hernández", headline: "Project manager, humanitarian logistics", bio: "Project management for NGOs in Central America.", positions: &["Programme manager, MSF"], skills: &[(&PROJECT, 5)], home: "US", origins: &["HN"], langs: &["es", "en"], engage: &[CONS], modes: &[REMOTE], hours: Some(2), verified: true, days_ago: 40 },
    E { n: 26, name: "Ngozi Obi", headline: "Paediatrician and neonatologist", bio: "Neonatal care and paediatrics training for nurses.", positions: &["Consultant paediatrician, Alder Hey"], skills: &[(&PAEDIATRICS, 5)], home: "GB", origins: &["NG"], langs: &["en", "ig"], engage: &[TRAIN, MENT], modes: &[VISIT], hours: Some(6), verified: true, days_ago: 16 },
    E { n: 27, name: "Mohamed El Amrani", headline: "Software architect, cloud platforms", bio: "Cloud architecture and programming courses in Casablanca.", positions: &["Architect, Capgemini"], skills: &[(&SOFTWARE, 5)], home: "FR", origins: &["MA"], langs: &["fr", "ar", "en"], engage: &[LECT, MENT], modes: &[REMOTE], hours: Some(8), verified: true, days_ago: 300 },
    E { n: 28, name: "Adama Coulibaly", headline: "Water engineer", bio: "Borehole drilling and rural water supply projects.", positions: &["Water engineer, Veolia"], skills: &[(&CIVIL, 3)], home: "FR", origins: &["CI"], langs: &["fr", "en"], engage: &[CONS], modes: &[VISIT], hours: Some(4), verified: true, days_ago: 19 },
    E { n: 29, name: "Beatriz Santos", headline: "Engenheira de software", bio: "Desenvolvimento de software e aprendizagem de máquina em Lisboa.", positions: &["Engenheira, Farfetch"], skills: &[(&SOFTWARE, 4), (&ML, 3)], home: "PT", origins: &["AO"], langs: &["pt", "en"], engage: &[MENT], modes: &[REMOTE], hours: Some(5), verified: true, days_ago: 21 },
    E { n: 30, name: "Kofi Annan-Mensah", headline: "Water engineer and hydrology consultant", bio: "Hydrology studies for water engineering projects.", positions: &["Consultant"], skills: &[(&HYDROLOGY, 2), (&CIVIL, 4)], home: "CA", origins: &["GH"], langs: &["en"], engage: &[CONS], modes: &[REMOTE], hours: Some(5), verified: false, days_ago: 28 },
    E { n: 31, name: "Salma Haddad", headline: "Statistician in clinical trials", bio: "Biostatistics and data analysis for cardiovascular trials.", positions: &["Biostatistician, AstraZeneca"], skills: &[(&DATA, 5)], home: "SE", origins: &["LB"], langs: &["ar", "en", "fr"], engage: &[RES, CONS], modes: &[REMOTE], hours: Some(6), verified: true, days_ago: 13 },
    E { n: 32, name: "Patrice Lumumba Kasongo", headline: "Soil scientist", bio: "Soil mapping and fertility in the Congo basin.", positions: &["Researcher, KU Leuven"], skills: &[(&SOIL, 4), (&AGRONOMY, 3)], home: "BE", origins: &["CD"], langs: &["fr", "ln"], engage: &[RES], modes: &[STAY], hours: Some(10), verified: true, days_ago: 35 },
    E { n: 33, name: "Evil <script>alert(1)</script> Tester", headline: "<script>alert('x')</script> hydrology & <b>bold</b> claims", bio: "Says \"hydrology\" <img src=x onerror=alert(1)>.", positions: &[], skills: &[], home: "NG", origins: &["NG"], langs: &["en"], engage: &[], modes: &[], hours: None, verified: false, days_ago: 700 },
    E { n: 34, name: "Amadou Hampâté", headline: "Teacher trainer and curriculum designer", bio: "Pedagogy and curriculum reform; I train teachers in Niger and Mali.", positions: &["Education advisor, UNESCO"], skills: &[(&TEACHING, 5)], home: "FR", origins: &["ML", "NE"], langs: &["fr", "en", "ff"], engage: &[TRAIN, CONS], modes: &[VISIT], hours: Some(12), verified: true, days_ago: 22 },
    E { n: 35, name: "Nomvula Dlamini", headline: "Cardiac surgeon", bio: "Cardiothoracic surgery and surgical training.", positions: &["Cardiac surgeon, Karolinska"], skills: &[(&SURGERY, 5), (&CARDIOLOGY, 3)], home: "SE", origins: &["ZA"], langs: &["en", "zu"], engage: &[TRAIN], modes: &[VISIT], hours: Some(3), verified: true, days_ago: 50 },
    E { n: 36, name: "Ahmed Yusuf", headline: "Irrigation engineer", bio: "Irrigation canals and water management for Sudanese farmers.", positions: &["Engineer, FAO"], skills: &[(&IRRIGATION, 5), (&CIVIL, 3)], home: "IT", origins: &["SD"], langs: &["ar", "en"], engage: &[CONS], modes: &[VISIT, STAY], hours: Some(10), verified: true, days_ago: 17 },
    E { n: 37, name: "Isabel Cruz", headline: "Epidemióloga y salud pública", bio: "Vigilancia epidemiológica del dengue en México.", positions: &["Investigadora, Instituto de Salud Carlos III"], skills: &[(&EPIDEMIOLOGY, 4), (&PUBLIC_HEALTH, 4)], home: "ES", origins: &["MX"], langs: &["es"], engage: &[RES], modes: &[REMOTE], hours: Some(4), verified: true, days_ago: 27 },
    E { n: 38, name: "Emmanuel Osei", headline: "Flood hydrologist (dormant profile)", bio: "Flood risk modelling and river hydrology.", positions: &["Hydrologist, Environment Agency"], skills: &[(&HYDROLOGY, 5), (&FLOOD, 5)], home: "GB", origins: &["GH"], langs: &["en"], engage: &[MENT], modes: &[REMOTE], hours: Some(10), verified: true, days_ago: 720 },
    E { n: 39, name: "Léa Mbappé", headline: "Data scientist, NLP", bio: "Natural language processing and machine learning for African languages.", positions: &["Data scientist, Hugging Face"], skills: &[(&ML, 4), (&DATA, 4)], home: "FR", origins: &["CM"], langs: &["fr", "en"], engage: &[RES, MENT], modes: &[REMOTE], hours: Some(8), verified: true, days_ago: 2 },
    E { n: 40, name: "Yohannes Tesfaye", headline: "Agricultural economist", bio: "Farm economics, crop markets and water pricing.", positions: &["Economist, World Bank"], skills: &[(&PROJECT, 3)], home: "US", origins: &["ET"], langs: &["en", "am"], engage: &[CONS], modes: &[REMOTE], hours: Some(3), verified: true, days_ago: 31 },
];

/// Every expert of the corpus as a document.
pub fn corpus() -> Vec<ExpertDoc> {
    EXPERTS.iter().map(E::doc).collect()
}
