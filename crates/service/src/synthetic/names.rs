//! Personal names by naming tradition ("locale"), romanised as diaspora professionals write
//! them on a profile, with the tradition's home languages. The lists are common given and
//! family names, comma-separated; the people they make up are fictional.

use super::rng::Rng;

/// A naming tradition.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    /// Short name (for tests and reading).
    pub name: &'static str,
    /// Women's given names.
    pub female: &'static str,
    /// Men's given names.
    pub male: &'static str,
    /// Family names.
    pub family: &'static str,
    /// Probability that the family name is written first (`Nguyễn Minh Châu`).
    pub family_first: f64,
    /// Probability of two family names (`García López`).
    pub two_families: f64,
    /// Home languages (ISO 639-1); a speaker has one of them.
    pub languages: &'static [&'static str],
}

const fn locale(
    name: &'static str,
    female: &'static str,
    male: &'static str,
    family: &'static str,
    languages: &'static [&'static str],
) -> Locale {
    Locale {
        name,
        female,
        male,
        family,
        family_first: 0.0,
        two_families: 0.0,
        languages,
    }
}

/// Every locale, referred to by index from [`super::world`].
pub const LOCALES: &[Locale] = &[
    locale(
        "yoruba",
        "Adebola, Folake, Funmilayo, Titilayo, Yetunde, Bukola, Omolara, Abimbola, Temitope, Adenike, Morenike, Damilola, Ibukun, Oluwaseun",
        "Adebayo, Babatunde, Olumide, Tunde, Femi, Segun, Kayode, Ayodele, Gbenga, Adewale, Olusegun, Kunle, Tobi, Dayo",
        "Adeyemi, Ogunleye, Adebayo, Oyelaran, Olawale, Balogun, Adeleke, Ogundipe, Akinola, Bankole, Oyewole, Afolabi, Ajayi, Adekunle, Oladipo, Alabi",
        &["yo"],
    ),
    locale(
        "igbo",
        "Chiamaka, Ngozi, Adaeze, Chioma, Ifeoma, Nneka, Obioma, Uchechi, Amarachi, Chinwe, Ebele, Ogechi, Nkechi, Ijeoma",
        "Chinedu, Emeka, Obinna, Ikenna, Chukwuemeka, Nnamdi, Uchenna, Kelechi, Chidi, Ifeanyi, Tochukwu, Ebuka, Okechukwu, Chibuzo",
        "Okafor, Okonkwo, Eze, Nwosu, Obi, Okeke, Nwachukwu, Uzor, Ani, Chukwu, Okoye, Nwankwo, Ibe, Anozie, Ezeh, Udeh, Mbah",
        &["ig"],
    ),
    locale(
        "hausa",
        "Aisha, Hauwa, Zainab, Maryam, Fatima, Amina, Hadiza, Khadija, Rukayya, Safiya, Bilkisu, Halima, Jamila, Saadatu",
        "Abdullahi, Musa, Ibrahim, Usman, Sani, Aliyu, Bello, Yusuf, Suleiman, Abubakar, Kabiru, Nasiru, Haruna, Lawal",
        "Bello, Abubakar, Mohammed, Garba, Danjuma, Yakubu, Shehu, Umar, Lawal, Ibrahim, Sule, Aminu, Dahiru, Tanko",
        &["ha"],
    ),
    locale(
        "akan",
        "Akosua, Abena, Adwoa, Ama, Efua, Yaa, Afua, Akua, Esi, Adjoa, Araba, Serwaa",
        "Kwame, Kofi, Kwabena, Kwaku, Yaw, Kwesi, Kojo, Kwadwo, Fiifi, Ekow, Kobina, Nana",
        "Mensah, Owusu, Boateng, Asante, Osei, Agyeman, Appiah, Amoah, Ofori, Darko, Danquah, Sarpong, Acheampong, Antwi, Frimpong, Badu",
        &["ak", "ee"],
    ),
    locale(
        "east-african",
        "Wanjiru, Akinyi, Njeri, Atieno, Wambui, Nyambura, Achieng, Mumbua, Nafula, Chebet, Auma, Zawadi, Neema, Rehema, Nakato",
        "Kamau, Otieno, Mwangi, Kipchoge, Omondi, Njoroge, Kiprono, Wafula, Mutua, Baraka, Juma, Onyango, Ochieng, Kato",
        "Mwangi, Otieno, Kamau, Odhiambo, Wanjala, Kiplagat, Njoroge, Mutua, Ochieng, Kariuki, Wekesa, Mugisha, Okello, Mushi, Massawe, Kimaro, Namubiru",
        &["sw"],
    ),
    locale(
        "ethiopian",
        "Selam, Hiwot, Meron, Bethlehem, Tigist, Mahlet, Saba, Liya, Rahel, Mekdes, Hanna, Yordanos, Eden",
        "Dawit, Abebe, Tesfaye, Yonas, Bereket, Samuel, Mulugeta, Henok, Kaleb, Getachew, Alemayehu, Biniam, Solomon",
        "Tadesse, Bekele, Haile, Girma, Alemu, Gebremedhin, Tesfaye, Mengistu, Assefa, Wolde, Kebede, Desta, Negash, Abebe",
        &["am", "om", "ti"],
    ),
    locale(
        "somali",
        "Hodan, Fadumo, Sahra, Asha, Ifrah, Nimco, Ubah, Hibaaq, Muna, Ayaan",
        "Abdirahman, Mohamed, Ahmed, Abdi, Hassan, Mahad, Ali, Omar, Farah, Liban",
        "Farah, Warsame, Abdi, Hassan, Ali, Osman, Mohamud, Yusuf, Jama, Egal, Hersi, Dualeh",
        &["so"],
    ),
    locale(
        "senegambian-mande",
        "Aminata, Fatou, Awa, Mariama, Khady, Ndeye, Aissatou, Coumba, Adama, Bineta, Rokhaya, Astou, Kadiatou, Oumou",
        "Moussa, Mamadou, Ibrahima, Cheikh, Ousmane, Abdoulaye, Modou, Souleymane, Babacar, Seydou, Lamine, Amadou, Boubacar, Alioune",
        "Diop, Ndiaye, Fall, Sow, Diallo, Ba, Faye, Sarr, Gueye, Mbaye, Cissé, Traoré, Keïta, Coulibaly, Konaté, Diarra, Touré, Camara, Sylla, Niang",
        &["wo", "bm", "ff"],
    ),
    locale(
        "central-african",
        "Chantal, Josiane, Brigitte, Clarisse, Solange, Nadège, Grâce, Esther, Mireille, Patience, Aline, Rosine, Odile",
        "Jean-Pierre, Serge, Patrick, Emmanuel, Hervé, Didier, Arsène, Thierry, Blaise, Christian, Fabrice, Olivier, Désiré, Alain",
        "Mbarga, Nkoulou, Fotso, Tchoumi, Kouassi, Koffi, Yao, Kouadio, Konan, Bamba, Mukendi, Kabongo, Ilunga, Tshibanda, Mutombo, Uwimana, Habimana, Niyonzima, Mugabo, Ngono",
        &["ln", "rw", "sw"],
    ),
    locale(
        "maghrebi",
        "Fatima, Khadija, Meriem, Nadia, Salma, Yasmine, Imane, Samira, Houda, Leila, Amal, Sanaa, Zineb, Rim, Asma",
        "Mohamed, Youssef, Karim, Mehdi, Amine, Rachid, Hicham, Omar, Said, Nabil, Hamza, Anis, Walid, Sofiane, Yassine",
        "Benali, El Amrani, Alaoui, Benjelloun, Tazi, Bennani, Haddad, Mansouri, Bouzid, Saidi, Chaouch, Belkacem, Trabelsi, Gharbi, Ben Salah, Ouali, Zerrouki, Idrissi",
        &["ar"],
    ),
    locale(
        "mashriqi",
        "Nour, Mariam, Yasmin, Dina, Rania, Hala, Mona, Lina, Rasha, Layla, Maya, Reem",
        "Ahmed, Mohamed, Mahmoud, Omar, Tarek, Karim, Hany, Khaled, Ziad, Rami, Samir, Fadi, Georges, Elie",
        "Hassan, Ibrahim, Mostafa, Abdelrahman, Fahmy, Saleh, Naguib, Khoury, Haddad, Nassar, Aoun, Karam, Salameh, Mansour, Gerges",
        &["ar"],
    ),
    locale(
        "north-indian",
        "Priya, Anjali, Neha, Pooja, Kavita, Sunita, Ritu, Shreya, Aditi, Divya, Meera, Nisha, Ananya, Isha",
        "Rahul, Amit, Vikram, Rajesh, Sanjay, Arjun, Rohit, Anil, Suresh, Aditya, Vivek, Manish, Karan, Nikhil",
        "Sharma, Verma, Gupta, Singh, Kumar, Agarwal, Mishra, Joshi, Saxena, Srivastava, Chauhan, Malhotra, Kapoor, Mehta, Yadav, Pandey",
        &["hi", "pa", "gu", "mr"],
    ),
    locale(
        "south-indian",
        "Lakshmi, Divya, Kavya, Revathi, Anitha, Deepa, Sowmya, Meenakshi, Priyanka, Swathi, Keerthana, Harini",
        "Venkatesh, Srinivas, Karthik, Ramesh, Arun, Prakash, Suresh, Ganesh, Vijay, Anand, Balaji, Senthil, Naveen, Rajeev",
        "Iyer, Reddy, Nair, Krishnan, Rao, Pillai, Subramanian, Menon, Naidu, Raman, Chandrasekhar, Gowda, Hegde, Venkataraman, Murthy",
        &["ta", "te", "kn", "ml"],
    ),
    locale(
        "bengali",
        "Ayesha, Nusrat, Farhana, Tahmina, Rupa, Shirin, Sadia, Moumita, Tanisha, Rumana, Sharmin",
        "Rahim, Karim, Tanvir, Arif, Sajid, Mahmud, Rafiq, Sourav, Arnab, Imran, Shakil, Habib",
        "Rahman, Hossain, Islam, Ahmed, Chowdhury, Khan, Das, Roy, Banerjee, Chatterjee, Mukherjee, Sarkar, Uddin, Akter",
        &["bn"],
    ),
    locale(
        "pakistani",
        "Ayesha, Sana, Hira, Mehwish, Fatima, Zara, Amna, Saima, Rabia, Mahnoor, Iqra",
        "Ali, Hamza, Bilal, Usman, Imran, Faisal, Asad, Zubair, Kashif, Adnan, Saad, Waqas",
        "Khan, Malik, Qureshi, Butt, Chaudhry, Sheikh, Raza, Siddiqui, Hussain, Iqbal, Mirza, Javed, Akhtar, Abbasi",
        &["ur", "pa"],
    ),
    locale(
        "filipino",
        "Maria, Kristine, Jasmine, Angelica, Mary Grace, Rowena, Joy, Camille, Patricia, Liza, Jennifer, Rosario, Maricel",
        "Jose, Mark, John Paul, Rommel, Jerome, Carlo, Paolo, Miguel, Rodel, Ramon, Christian, Rafael",
        "Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Dela Cruz, Villanueva, Ramos, Aquino, Castillo, Navarro, Manalo, Pascual, Dizon, Tolentino",
        &["tl"],
    ),
    Locale {
        family_first: 0.8,
        ..locale(
            "vietnamese",
            "Lan, Hoa, Linh, Mai, Ngọc Anh, Thu Trang, Hương, Phương, Thảo, Minh Châu",
            "Minh, Tuấn, Đức, Hùng, Quang, Hiếu, Thành, Long, Khoa, Bảo",
            "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ",
            &["vi"],
        )
    },
    Locale {
        family_first: 0.4,
        ..locale(
            "chinese",
            "Mei, Xiaoling, Jing, Yan, Hui, Lina, Fang, Qian, Yuxin, Ting",
            "Wei, Jun, Hao, Lei, Ming, Jian, Tao, Yong, Zhiwei, Bo",
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu",
            &["zh"],
        )
    },
    Locale {
        two_families: 0.5,
        ..locale(
            "mexican",
            "María José, Guadalupe, Fernanda, Daniela, Alejandra, Gabriela, Valeria, Ximena, Mariana, Andrea, Paola, Lucía",
            "José Luis, Juan Carlos, Alejandro, Miguel Ángel, Jorge, Luis, Carlos, Ricardo, Eduardo, Fernando, Arturo, Diego",
            "Hernández, García, Martínez, López, González, Rodríguez, Pérez, Sánchez, Ramírez, Flores, Torres, Cruz, Morales, Reyes, Gutiérrez, Ortiz",
            &["es"],
        )
    },
    Locale {
        two_families: 0.5,
        ..locale(
            "andean-caribbean-hispanic",
            "Valentina, Camila, Natalia, Carolina, Diana, Paula, Juliana, Catalina, Andrea, Luisa, Rosa, Yesenia",
            "Andrés, Santiago, Sebastián, Julián, Felipe, Camilo, Mauricio, Óscar, Héctor, Wilmer, Luis Fernando",
            "Rodríguez, Gómez, Castro, Vargas, Rojas, Quispe, Mamani, Restrepo, Ospina, Jaramillo, Salazar, Cárdenas, Medina, Herrera, Díaz, Mendoza",
            &["es", "qu"],
        )
    },
    locale(
        "brazilian",
        "Ana, Juliana, Fernanda, Camila, Beatriz, Larissa, Mariana, Aline, Patrícia, Renata, Luana",
        "João, Pedro, Lucas, Gabriel, Rafael, Thiago, Bruno, Felipe, Rodrigo, Marcelo, Gustavo",
        "Silva, Santos, Oliveira, Souza, Costa, Pereira, Almeida, Ferreira, Rodrigues, Carvalho, Lima, Ribeiro, Barbosa, Araújo",
        &["pt"],
    ),
    locale(
        "ukrainian",
        "Olena, Iryna, Nataliia, Oksana, Yuliia, Kateryna, Tetiana, Svitlana, Anastasiia, Mariia",
        "Oleksandr, Andrii, Dmytro, Serhii, Mykola, Ivan, Volodymyr, Yurii, Taras, Bohdan",
        "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boiko, Koval, Lysenko, Marchenko, Savchenko, Rudenko",
        &["uk"],
    ),
    locale(
        "polish",
        "Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Monika, Ewa, Karolina, Natalia, Aleksandra",
        "Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Jakub, Łukasz, Grzegorz, Mateusz",
        "Nowak, Wójcik, Mazur, Krawczyk, Kaczmarek, Zając, Król, Wieczorek, Jabłoński, Majewski, Pawlak, Walczak",
        &["pl"],
    ),
    locale(
        "romanian",
        "Andreea, Elena, Ioana, Maria, Cristina, Alexandra, Mihaela, Raluca, Simona, Diana",
        "Andrei, Alexandru, Mihai, Ionuț, Cristian, Bogdan, Florin, Adrian, Vlad, Radu",
        "Popescu, Ionescu, Popa, Dumitru, Stan, Stoica, Gheorghe, Munteanu, Constantin, Dinu, Marin, Tudor",
        &["ro"],
    ),
    locale(
        "turkish",
        "Ayşe, Elif, Zeynep, Fatma, Merve, Büşra, Esra, Selin, Deniz, Ebru",
        "Mehmet, Mustafa, Ahmet, Emre, Burak, Murat, Can, Serkan, Oğuz, Kerem",
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın, Öztürk, Arslan, Doğan, Kılıç, Aslan",
        &["tr"],
    ),
    locale(
        "indonesian",
        "Siti, Dewi, Putri, Ayu, Nurul, Rina, Wulan, Indah, Fitri, Sri",
        "Budi, Agus, Rizky, Andi, Dedi, Hendra, Fajar, Arief, Eko, Yusuf",
        "Santoso, Wijaya, Saputra, Pratama, Hidayat, Kusuma, Nugroho, Setiawan, Gunawan, Halim, Siregar, Lubis",
        &["id", "jv"],
    ),
    locale(
        "sri-lankan-nepali",
        "Nirmala, Sanduni, Dilini, Tharushi, Sita, Anita, Pratima, Kamala, Sushila",
        "Nuwan, Kasun, Chaminda, Ruwan, Bishnu, Ram, Prakash, Sagar, Dinesh",
        "Perera, Fernando, Jayasuriya, Wickramasinghe, Bandara, Shrestha, Thapa, Gurung, Adhikari, Karki, Rai",
        &["si", "ne"],
    ),
    locale(
        "caribbean",
        "Shanice, Tanisha, Kimberly, Nadine, Marie-Claire, Fabienne, Rose-Marie, Stephanie, Simone",
        "Andre, Marlon, Kevin, Dwayne, Jean-Baptiste, Wesner, Ricardo, Garfield, Fritz",
        "Campbell, Williams, Brown, Thompson, Clarke, Jean-Louis, Pierre, Joseph, Charles, Baptiste, Dorsainvil, Etienne",
        &["ht"],
    ),
    locale(
        "southern-african",
        "Thandiwe, Nomvula, Lindiwe, Zanele, Precious, Tendai, Rudo, Nyasha, Naledi, Ayanda",
        "Sipho, Thabo, Themba, Bongani, Tatenda, Farai, Kagiso, Lwazi, Mandla, Tinashe",
        "Dlamini, Nkosi, Ndlovu, Khumalo, Mokoena, Mahlangu, Moyo, Chikwanha, Mutasa, Sibanda, Naidoo, Botha",
        &["zu", "xh", "sn", "af"],
    ),
];

/// The comma-separated names of a list.
fn names(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|n| !n.is_empty())
}

fn pick<'a>(rng: &mut Rng, list: &'a str) -> &'a str {
    let count = names(list).count();
    names(list).nth(rng.below(count)).unwrap_or("Alex")
}

/// A full name drawn from `locale`, with its given and family parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Given name(s).
    pub given: String,
    /// Family name(s).
    pub family: String,
    /// As displayed.
    pub display: String,
    /// Drawn from the women's names (for gendered job titles in French and Spanish).
    pub female: bool,
}

impl Locale {
    /// A person's name.
    pub fn person(&self, rng: &mut Rng) -> PersonName {
        let female = rng.chance(0.5);
        let given = pick(rng, if female { self.female } else { self.male }).to_owned();
        let mut family = pick(rng, self.family).to_owned();
        if rng.chance(self.two_families) {
            let second = pick(rng, self.family);
            if second != family {
                family = format!("{family} {second}");
            }
        }
        let display = if rng.chance(self.family_first) {
            format!("{family} {given}")
        } else {
            format!("{given} {family}")
        };
        PersonName {
            given,
            family,
            display,
            female,
        }
    }
}

/// The ASCII form of a name for an email address: Latin letters without their accents,
/// lower case, other characters dropped (`Nguyễn Ngọc Anh` → `nguyenngocanh`).
#[must_use]
pub fn ascii_fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ'
            | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' | 'ą' => Some('a'),
            'ç' | 'ć' | 'č' => Some('c'),
            'đ' | 'ď' => Some('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' | 'ę' | 'ě' => {
                Some('e')
            }
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ỉ' | 'ĩ' | 'ị' => Some('i'),
            'ł' => Some('l'),
            'ñ' | 'ń' | 'ň' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ'
            | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => Some('o'),
            'ş' | 'ś' | 'š' | 'ș' => Some('s'),
            'ț' | 'ţ' | 'ť' => Some('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ư' | 'ụ' | 'ủ' | 'ũ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => {
                Some('u')
            }
            'ý' | 'ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => Some('y'),
            'ź' | 'ż' | 'ž' => Some('z'),
            'ğ' => Some('g'),
            _ => None,
        };
        out.extend(plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_names_and_valid_home_languages() {
        for locale in LOCALES {
            for list in [locale.female, locale.male, locale.family] {
                assert!(names(list).count() >= 8, "{}", locale.name);
                assert!(
                    names(list).all(|n| !ascii_fold(n).is_empty()),
                    "{}",
                    locale.name
                );
            }
            assert!(!locale.languages.is_empty());
            for code in locale.languages {
                braingain_domain::LanguageCode::parse(code).unwrap();
            }
        }
    }

    #[test]
    fn names_fold_to_ascii_and_family_first_locales_put_it_first() {
        assert_eq!(ascii_fold("Nguyễn Ngọc Anh"), "nguyenngocanh");
        assert_eq!(ascii_fold("Łukasz Wójcik-Öztürk"), "lukaszwojcikozturk");
        let vietnamese = LOCALES.iter().find(|l| l.name == "vietnamese").unwrap();
        let mut rng = Rng::for_item(1, 0, 0);
        let firsts = (0..200)
            .map(|_| vietnamese.person(&mut rng))
            .filter(|p| p.display.starts_with(&p.family))
            .count();
        assert!(firsts > 120, "{firsts}");
    }
}
