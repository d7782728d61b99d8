//! `TestApp`: a real server on a fresh database, a GraphQL client, and the mail sink.

use braingain_domain::ManualClock;
use braingain_server::settings::ThrottleSettings;
use braingain_server::{App, Settings, serve};
use braingain_service::Service;
use braingain_test_utils::TestDb;
use secrecy::SecretString;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;

/// The signing secret every test server uses, so tests can forge and tamper with tokens.
pub const TEST_JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123456789";
/// A password that meets the policy.
pub const PASSWORD: &str = "correct horse battery staple";

/// A running server on its own database and data directory.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// The server's clock; advance it to expire tokens.
    pub clock: Arc<ManualClock>,
    /// The data directory (mail sink under `mail/`).
    pub data_dir: PathBuf,
    /// The service behind the server, for arranging state a client cannot create.
    pub service: Service,
    client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    settings: Settings,
    db: Option<TestDb>,
    dir: Option<tempfile::TempDir>,
}

/// Tokens and id of a signed-in account.
#[derive(Debug, Clone)]
pub struct Signed {
    pub id: String,
    pub email: String,
    pub access: String,
    pub refresh: String,
}

impl TestApp {
    /// Starts a server with default settings.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Starts a server after `tweak` has adjusted its settings.
    pub async fn spawn_with(tweak: impl FnOnce(&mut Settings)) -> Self {
        braingain_test_utils::init_tracing();
        let db = TestDb::new().await.expect("test database");
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = Settings {
            data_dir: dir.path().join("data"),
            database_url: Some(db.url().to_owned()),
            listen: "127.0.0.1:0".into(),
            jwt_secret: Some(TEST_JWT_SECRET.into()),
            public_url: Some("http://braingain.test".into()),
            throttle: ThrottleSettings::default(),
            // Most tests never autocomplete; those that do build the index on first use.
            warm_skill_index: false,
            ..Settings::default()
        };
        tweak(&mut settings);
        Self::start(settings, db, dir, Arc::new(ManualClock::default())).await
    }

    async fn start(
        settings: Settings,
        db: TestDb,
        dir: tempfile::TempDir,
        clock: Arc<ManualClock>,
    ) -> Self {
        let data_dir = settings.data_dir.clone();
        let app = App::build(settings.clone(), clock.clone())
            .await
            .expect("app builds");
        let service = app.state.service.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(serve(app, listener, async move {
            let _ = rx.await;
        }));
        Self {
            base,
            clock,
            data_dir,
            service,
            client: reqwest::Client::new(),
            shutdown: Some(tx),
            server: Some(server),
            settings,
            db: Some(db),
            dir: Some(dir),
        }
    }

    /// Stops this server and starts a new one on the same database and data directory,
    /// after `tweak` has adjusted the settings.
    pub async fn restart_with(mut self, tweak: impl FnOnce(&mut Settings)) -> Self {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.server.take() {
            handle
                .await
                .expect("server task")
                .expect("server stopped cleanly");
        }
        let mut settings = self.settings.clone();
        tweak(&mut settings);
        let clock = self.clock.clone();
        let db = self.db.take().expect("database");
        let dir = self.dir.take().expect("directory");
        // Release the old service (and with it the search index's writer lock) first.
        drop(self);
        Self::start(settings, db, dir, clock).await
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.server.take() {
            Some(handle) => handle.await?,
            None => Ok(()),
        }
    }

    /// POSTs a GraphQL operation, optionally with a bearer token; returns the JSON body.
    pub async fn gql_as(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut req = self
            .client
            .post(format!("{}/graphql", self.base))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.expect("request sent");
        res.json().await.expect("json body")
    }

    /// POSTs a GraphQL operation anonymously.
    pub async fn gql(&self, query: &str, variables: Value) -> Value {
        self.gql_as(None, query, variables).await
    }

    /// POSTs a raw body; returns status and JSON body.
    pub async fn post_raw(&self, body: impl Into<reqwest::Body>) -> (u16, Value) {
        let res = self
            .client
            .post(format!("{}/graphql", self.base))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request sent");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// GETs a path; returns status and text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request sent");
        (res.status().as_u16(), res.text().await.expect("text"))
    }

    /// Registers an account with `role`; returns its tokens.
    pub async fn register(&self, email: &str, role: &str) -> Signed {
        let body = self
            .gql(
                "mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken account { id email } } }",
                json!({ "input": { "email": email, "password": PASSWORD, "displayName": "Test Person", "role": role } }),
            )
            .await;
        signed(&body, "register")
    }

    /// Registers and verifies an account with `role`.
    pub async fn verified(&self, email: &str, role: &str) -> Signed {
        let signed = self.register(email, role).await;
        let token = self.mail_token(email, "verify-email").await;
        let body = self
            .gql(
                "mutation($t: String!) { verifyEmail(token: $t) { status } }",
                json!({ "t": token }),
            )
            .await;
        assert_eq!(body["data"]["verifyEmail"]["status"], "ACTIVE", "{body}");
        signed
    }

    /// Signs in; returns tokens (panics on error).
    pub async fn login(&self, email: &str, password: &str) -> Signed {
        let body = self.login_raw(email, password).await;
        signed(&body, "login")
    }

    /// Signs in; returns the raw response.
    pub async fn login_raw(&self, email: &str, password: &str) -> Value {
        self.gql(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken account { id email } } }",
            json!({ "e": email, "p": password }),
        )
        .await
    }

    /// Creates an admin as `braingain create-admin` does, and signs in.
    pub async fn admin(&self, email: &str) -> Signed {
        self.service
            .create_admin(
                email,
                Some(SecretString::from(PASSWORD.to_owned())),
                "Admin",
            )
            .await
            .expect("create admin");
        self.login(email, PASSWORD).await
    }

    /// Creates a moderator: registered, verified, then promoted by an admin.
    pub async fn moderator(&self, email: &str) -> Signed {
        let admin = self.admin(&format!("admin-for-{email}")).await;
        let m = self.verified(email, "EXPERT").await;
        let body = self
            .gql_as(
                Some(&admin.access),
                "mutation($id: ID!) { setRole(id: $id, role: MODERATOR) { role } }",
                json!({ "id": m.id }),
            )
            .await;
        assert_eq!(body["data"]["setRole"]["role"], "MODERATOR", "{body}");
        m
    }

    /// Every mail in the sink addressed to `to`, oldest first, as raw text.
    pub fn mails_to(&self, to: &str) -> Vec<String> {
        let dir = self.data_dir.join("mail");
        let mut found: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .filter_map(|e| {
                        let text = std::fs::read_to_string(e.path()).ok()?;
                        let modified = e.metadata().ok()?.modified().ok()?;
                        text.lines()
                            .any(|l| l.eq_ignore_ascii_case(&format!("To: {to}")))
                            .then_some((modified, text))
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort_by_key(|(t, _)| *t);
        found.into_iter().map(|(_, text)| text).collect()
    }

    /// Waits (up to 10 s) for a mail to `to` containing `needle`; returns it.
    pub async fn mail_containing(&self, to: &str, needle: &str) -> String {
        for _ in 0..100 {
            if let Some(mail) = self
                .mails_to(to)
                .into_iter()
                .rev()
                .find(|m| m.contains(needle))
            {
                return mail;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "no mail to {to} contains {needle:?}: {:?}",
            self.mails_to(to)
        );
    }

    /// Waits (up to 10 s) for a mail to `to` with a `/<path>?token=` link; returns the newest
    /// such token.
    pub async fn mail_token(&self, to: &str, path: &str) -> String {
        for _ in 0..100 {
            if let Some(token) = self
                .mails_to(to)
                .iter()
                .rev()
                .find_map(|m| token_in(m, path))
            {
                return token;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no {path} mail reached {to}");
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The token of a `/<path>?token=…` link in a mail.
pub fn token_in(mail: &str, path: &str) -> Option<String> {
    let marker = format!("/{path}?token=");
    let start = mail.find(&marker)? + marker.len();
    Some(
        mail[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect(),
    )
}

/// Reads an `AuthPayload` out of a response (panics with the body if it is an error).
pub fn signed(body: &Value, field: &str) -> Signed {
    let p = &body["data"][field];
    assert!(p.is_object(), "{field} failed: {body}");
    Signed {
        id: p["account"]["id"].as_str().expect("id").to_owned(),
        email: p["account"]["email"].as_str().expect("email").to_owned(),
        access: p["accessToken"].as_str().expect("access").to_owned(),
        refresh: p["refreshToken"].as_str().expect("refresh").to_owned(),
    }
}

/// The `extensions.code` of the first error, or panics with the body.
pub fn error_code(body: &Value) -> String {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error with a code, got {body}"))
        .to_owned()
}

/// The `extensions.field` of the first error.
pub fn error_field(body: &Value) -> Option<String> {
    body["errors"][0]["extensions"]["field"]
        .as_str()
        .map(str::to_owned)
}
