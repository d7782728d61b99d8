//! The served schema holds every name of the public contract (`docs/contract.graphql`, a copy
//! of the product's contract) that has landed so far. `NOT_YET` lists what later issues bring;
//! the test also fails when something in it has landed, so the list can only shrink, until
//! the whole contract is served.

use crate::helpers::TestApp;
use serde_json::json;
use std::collections::BTreeSet;

/// Contract items still to come (a type name covers all its members).
const NOT_YET: &[&str] = &[];

/// Every item of an SDL document: `Type`, `Type.member`, `Type.field(arg)`.
fn contract_items(sdl: &str) -> BTreeSet<String> {
    let text: String = sdl
        .lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut items = BTreeSet::new();
    let mut rest = text.as_str();
    while let Some(pos) = ["type ", "input ", "enum ", "scalar "]
        .iter()
        .filter_map(|k| find_keyword(rest, k))
        .min()
    {
        rest = &rest[pos..];
        let (keyword, after) = rest.split_once(' ').unwrap();
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        items.insert(name.clone());
        if keyword == "scalar" {
            rest = after;
            continue;
        }
        let open = after.find('{').unwrap();
        let close = after[open..].find('}').unwrap() + open;
        let body = &after[open + 1..close];
        if keyword == "enum" {
            for value in body.split_whitespace() {
                items.insert(format!("{name}.{value}"));
            }
        } else {
            parse_fields(&name, body, &mut items);
        }
        rest = &after[close + 1..];
    }
    items
}

fn find_keyword(text: &str, keyword: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(keyword) {
        let at = from + i;
        if at == 0 || text[..at].ends_with(char::is_whitespace) {
            return Some(at);
        }
        from = at + keyword.len();
    }
    None
}

fn parse_fields(owner: &str, body: &str, items: &mut BTreeSet<String>) {
    let mut chars = body.char_indices().peekable();
    let mut name = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c.is_alphanumeric() || c == '_' => name.push(c),
            '(' => {
                let end = body[i..].find(')').unwrap() + i;
                for arg in body[i + 1..end].split([',', '\n']) {
                    if let Some((arg_name, _)) = arg.split_once(':') {
                        let arg_name = arg_name.trim();
                        if !arg_name.is_empty() {
                            items.insert(format!("{owner}.{name}({arg_name})"));
                        }
                    }
                }
                while chars.peek().is_some_and(|(j, _)| *j <= end) {
                    chars.next();
                }
            }
            ':' => {
                items.insert(format!("{owner}.{name}"));
                name.clear();
                // Skip the type (up to the next whitespace that ends it, or a comma).
                while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                    chars.next();
                }
                while chars
                    .peek()
                    .is_some_and(|(_, c)| !c.is_whitespace() && *c != ',')
                {
                    chars.next();
                }
            }
            _ => name.clear(),
        }
    }
}

async fn served_items(app: &TestApp) -> BTreeSet<String> {
    let body = app
        .gql(
            "{ __schema { types { name fields(includeDeprecated: true) { name args { name } } inputFields { name } enumValues(includeDeprecated: true) { name } } } }",
            json!({}),
        )
        .await;
    let mut items = BTreeSet::new();
    for ty in body["data"]["__schema"]["types"]
        .as_array()
        .expect("introspection")
    {
        let name = ty["name"].as_str().unwrap();
        items.insert(name.to_owned());
        for field in ty["fields"].as_array().into_iter().flatten() {
            let field_name = field["name"].as_str().unwrap();
            items.insert(format!("{name}.{field_name}"));
            for arg in field["args"].as_array().into_iter().flatten() {
                items.insert(format!(
                    "{name}.{field_name}({})",
                    arg["name"].as_str().unwrap()
                ));
            }
        }
        for list in ["inputFields", "enumValues"] {
            for member in ty[list].as_array().into_iter().flatten() {
                items.insert(format!("{name}.{}", member["name"].as_str().unwrap()));
            }
        }
    }
    items
}

fn pending(item: &str) -> bool {
    let type_name = item.split('.').next().unwrap_or(item);
    let field = item.split('(').next().unwrap_or(item);
    NOT_YET.contains(&type_name) || NOT_YET.contains(&field)
}

#[test]
fn the_contract_parser_reads_types_members_and_arguments() {
    let items = contract_items(
        "enum A { X Y }\ntype Q {\n  f(a: Int = 1, b: String): [A!]! # c\n  g: A\n}\nscalar D\n",
    );
    let expected: BTreeSet<String> = [
        "A", "A.X", "A.Y", "Q", "Q.f", "Q.f(a)", "Q.f(b)", "Q.g", "D",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    assert_eq!(items, expected);
}

#[tokio::test]
async fn the_served_schema_holds_every_landed_contract_name() {
    let contract = contract_items(include_str!("../../docs/contract.graphql"));
    assert!(
        contract.len() > 300,
        "the contract parsed to only {} items",
        contract.len()
    );
    let app = TestApp::spawn().await;

    let served = served_items(&app).await;

    let missing: Vec<&String> = contract
        .iter()
        .filter(|i| !served.contains(*i) && !pending(i))
        .collect();
    assert!(
        missing.is_empty(),
        "contract items missing from the served schema: {missing:?}"
    );
    let landed: Vec<&&str> = NOT_YET
        .iter()
        .filter(|n| {
            served.contains(**n)
                && contract
                    .iter()
                    .filter(|i| i.starts_with(*n))
                    .all(|i| served.contains(i))
        })
        .collect();
    assert!(
        landed.is_empty(),
        "these have landed; remove them from NOT_YET: {landed:?}"
    );
}
