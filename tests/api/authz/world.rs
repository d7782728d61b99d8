//! The callers of the authorisation matrix and the fresh targets each attempt works on, so
//! that one caller's success never changes what the next caller meets.

use crate::engagements::{INVITE, RESPOND};
use crate::helpers::{PASSWORD, Signed, TestApp};
use crate::moderation::HOLD;
use crate::profiles::{expert_with_profile, profile};
use crate::reports::{REPORT, queue};
use crate::requests::{
    REVIEW, SUBMIT, create_query, draft, input, ok, update_query, verified_institution,
};
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The kinds of caller, in the matrix's column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Unverified,
    Expert,
    OtherExpert,
    Member,
    OtherMember,
    Moderator,
    Admin,
    Suspended,
}

impl Caller {
    pub const ALL: [Self; 9] = [
        Self::Anonymous,
        Self::Unverified,
        Self::Expert,
        Self::OtherExpert,
        Self::Member,
        Self::OtherMember,
        Self::Moderator,
        Self::Admin,
        Self::Suspended,
    ];
}

/// One signed-in account of each kind, the institutions concerned, and a counter for fresh
/// names.
pub struct World {
    unverified: Signed,
    expert: Signed,
    expert_profile: String,
    other_expert: Signed,
    member: Signed,
    institution: String,
    other_member: Signed,
    moderator: Signed,
    admin: Signed,
    suspended: Signed,
    accepted: String,
    fresh: AtomicUsize,
}

impl World {
    pub async fn build(app: &TestApp) -> Self {
        let (member, institution, moderator) =
            verified_institution(app, "registrar@unilag.edu.ng").await;
        let (other_member, _, _) = verified_institution(app, "dean@knust.edu.gh").await;
        let (expert, expert_profile) =
            expert_with_profile(app, "amara@example.org", "PUBLIC").await;
        let (other_expert, _) = expert_with_profile(app, "kofi@example.org", "PUBLIC").await;
        let admin = app.admin("root@braingain.example.org").await;
        let unverified = app.register("pending@example.org", "EXPERT").await;
        let (suspended, _) = expert_with_profile(app, "spammer@example.org", "PUBLIC").await;
        ok(
            app,
            &moderator,
            "mutation($id: ID!) { suspendAccount(id: $id, reason: \"spam\") { id } }",
            json!({ "id": suspended.id }),
        )
        .await;
        let mut world = Self {
            unverified,
            expert,
            expert_profile,
            other_expert,
            member,
            institution,
            other_member,
            moderator,
            admin,
            suspended,
            accepted: String::new(),
            fresh: AtomicUsize::new(0),
        };
        world.accepted = world.accepted_engagement(app).await;
        world
    }

    /// The caller's access token (none for anonymous callers).
    pub fn token(&self, caller: Caller) -> Option<&str> {
        let signed = match caller {
            Caller::Anonymous => return None,
            Caller::Unverified => &self.unverified,
            Caller::Expert => &self.expert,
            Caller::OtherExpert => &self.other_expert,
            Caller::Member => &self.member,
            Caller::OtherMember => &self.other_member,
            Caller::Moderator => &self.moderator,
            Caller::Admin => &self.admin,
            Caller::Suspended => &self.suspended,
        };
        Some(&signed.access)
    }

    fn next(&self) -> usize {
        self.fresh.fetch_add(1, Ordering::Relaxed)
    }

    /// A new DRAFT request of the member's institution.
    async fn fresh_draft(&self, app: &TestApp) -> String {
        draft(app, &self.member, &self.institution).await
    }

    /// A new request IN_REVIEW.
    async fn fresh_in_review(&self, app: &TestApp) -> String {
        let id = self.fresh_draft(app).await;
        ok(app, &self.member, SUBMIT, json!({ "id": id })).await;
        id
    }

    /// A new OPEN request.
    async fn fresh_open(&self, app: &TestApp) -> String {
        let id = self.fresh_in_review(app).await;
        ok(
            app,
            &self.moderator,
            REVIEW,
            json!({ "id": id, "d": "APPROVE" }),
        )
        .await;
        id
    }

    /// A new invitation of the expert by the member, unanswered.
    async fn fresh_invitation(&self, app: &TestApp) -> String {
        let request = self.fresh_open(app).await;
        let invited = ok(
            app,
            &self.member,
            INVITE,
            json!({ "r": request, "e": self.expert_profile, "m": "Would you help us?" }),
        )
        .await;
        invited["id"].as_str().unwrap().to_owned()
    }

    /// A new engagement the expert has accepted.
    async fn accepted_engagement(&self, app: &TestApp) -> String {
        let id = self.fresh_invitation(app).await;
        ok(app, &self.expert, RESPOND, json!({ "id": id, "a": true })).await;
        id
    }

    /// A new verified account with `role`; returns (tokens, email).
    async fn fresh_account(&self, app: &TestApp, role: &str) -> (Signed, String) {
        let email = format!("fresh-{}@example.org", self.next());
        (app.verified(&email, role).await, email)
    }

    /// A new open report (of a fresh request, by the expert); returns its id.
    async fn fresh_report(&self, app: &TestApp) -> String {
        let request = self.fresh_open(app).await;
        ok(
            app,
            &self.expert,
            REPORT,
            json!({ "s": request, "r": "looks like a scam" }),
        )
        .await;
        let reports = queue(app, &self.moderator).await;
        let found = reports.iter().find(|r| r["subjectId"] == request.as_str());
        found.unwrap()["id"].as_str().unwrap().to_owned()
    }

    /// The document and variables `caller` sends to try `mutation` on fresh targets.
    pub async fn attempt(&self, app: &TestApp, mutation: &str) -> (String, Value) {
        let doc = |s: &str| s.to_owned();
        match mutation {
            "verifyEmail" => (
                doc("mutation { verifyEmail(token: \"not-a-token\") { id } }"),
                json!({}),
            ),
            "requestPasswordReset" => (
                doc("mutation { requestPasswordReset(email: \"nobody@example.org\") }"),
                json!({}),
            ),
            "resetPassword" => (
                doc(
                    "mutation($p: String!) { resetPassword(token: \"not-a-token\", password: $p) }",
                ),
                json!({ "p": PASSWORD }),
            ),
            "logout" => (
                doc("mutation { logout(refreshToken: \"not-a-token\") }"),
                json!({}),
            ),
            "refresh" => (
                doc("mutation { refresh(refreshToken: \"not-a-token\") { accessToken } }"),
                json!({}),
            ),
            "resendVerificationEmail" => (doc("mutation { resendVerificationEmail }"), json!({})),
            "changePassword" => (
                doc(
                    "mutation { changePassword(current: \"not the password\", next: \"a brand new passphrase\") }",
                ),
                json!({}),
            ),
            "exportMyData" => (doc("mutation { exportMyData }"), json!({})),
            "deleteMyAccount" => (
                doc("mutation { deleteMyAccount(password: \"not the password\") }"),
                json!({}),
            ),
            "setRole" => (
                doc("mutation($id: ID!) { setRole(id: $id, role: EXPERT) { id } }"),
                json!({ "id": self.other_expert.id }),
            ),
            "suspendAccount" => {
                let (target, _) = self.fresh_account(app, "EXPERT").await;
                (
                    doc("mutation($id: ID!) { suspendAccount(id: $id, reason: \"spam\") { id } }"),
                    json!({ "id": target.id }),
                )
            }
            "saveExpertProfile" => (
                doc("mutation($i: ExpertProfileInput!) { saveExpertProfile(input: $i) { id } }"),
                json!({ "i": profile("PUBLIC") }),
            ),
            "createInstitution" => (
                doc("mutation($i: InstitutionInput!) { createInstitution(input: $i) { id } }"),
                json!({ "i": institution_input(self.next()) }),
            ),
            "reviewInstitution" => {
                let created = ok(
                    app,
                    &self.member,
                    "mutation($i: InstitutionInput!) { createInstitution(input: $i) { id } }",
                    json!({ "i": institution_input(self.next()) }),
                )
                .await;
                (
                    doc(
                        "mutation($id: ID!) { reviewInstitution(id: $id, decision: APPROVE) { id } }",
                    ),
                    json!({ "id": created["id"] }),
                )
            }
            "addInstitutionMember" => {
                let (_, email) = self.fresh_account(app, "INSTITUTION").await;
                (
                    doc(
                        "mutation($i: ID!, $e: String!) { addInstitutionMember(institutionId: $i, email: $e) { id } }",
                    ),
                    json!({ "i": self.institution, "e": email }),
                )
            }
            "createRequest" => (create_query(), json!({ "input": input(&self.institution) })),
            "updateRequest" => (
                update_query(),
                json!({ "id": self.fresh_draft(app).await, "input": input(&self.institution) }),
            ),
            "submitRequest" => (doc(SUBMIT), json!({ "id": self.fresh_draft(app).await })),
            "reviewRequest" => (
                doc(REVIEW),
                json!({ "id": self.fresh_in_review(app).await, "d": "APPROVE" }),
            ),
            "returnRequestForChanges" => (
                doc(
                    "mutation($id: ID!) { returnRequestForChanges(id: $id, reason: \"Say more about the budget.\") { id } }",
                ),
                json!({ "id": self.fresh_in_review(app).await }),
            ),
            "closeRequest" => (
                doc("mutation($id: ID!) { closeRequest(id: $id, completed: false) { id } }"),
                json!({ "id": self.fresh_open(app).await }),
            ),
            "holdRequest" => (
                doc(HOLD),
                json!({ "id": self.fresh_open(app).await, "r": "No answer for weeks." }),
            ),
            "resumeRequest" => {
                let id = self.fresh_open(app).await;
                ok(
                    app,
                    &self.moderator,
                    HOLD,
                    json!({ "id": id, "r": "Stalled." }),
                )
                .await;
                (
                    doc("mutation($id: ID!) { resumeRequest(id: $id) { id } }"),
                    json!({ "id": id }),
                )
            }
            "applyToRequest" => (
                doc(
                    "mutation($r: ID!) { applyToRequest(requestId: $r, message: \"I can help.\") { id } }",
                ),
                json!({ "r": self.fresh_open(app).await }),
            ),
            "inviteExpert" => (
                doc(INVITE),
                json!({ "r": self.fresh_open(app).await, "e": self.expert_profile, "m": "Join us?" }),
            ),
            "proposeExperts" => (
                doc(
                    "mutation($r: ID!, $e: ID!) { proposeExperts(requestId: $r, expertIds: [$e], message: \"A good fit.\") { id } }",
                ),
                json!({ "r": self.fresh_open(app).await, "e": self.expert_profile }),
            ),
            "respondToEngagement" => (
                doc(RESPOND),
                json!({ "id": self.fresh_invitation(app).await, "a": true }),
            ),
            "withdrawEngagement" => (
                doc("mutation($id: ID!) { withdrawEngagement(id: $id) { id } }"),
                json!({ "id": self.fresh_invitation(app).await }),
            ),
            "completeEngagement" => (
                doc("mutation($id: ID!) { completeEngagement(id: $id, hoursGiven: 3) { id } }"),
                json!({ "id": self.accepted_engagement(app).await }),
            ),
            "sendMessage" => (
                doc("mutation($e: ID!) { sendMessage(engagementId: $e, body: \"Hello!\") { id } }"),
                json!({ "e": self.accepted }),
            ),
            "reportContent" => (
                doc(REPORT),
                json!({ "s": self.fresh_open(app).await, "r": "Misleading." }),
            ),
            "resolveReport" => (
                doc(
                    "mutation($id: ID!) { resolveReport(id: $id, action: DISMISS, note: \"Fine.\") { id } }",
                ),
                json!({ "id": self.fresh_report(app).await }),
            ),
            "markNotificationsRead" => (
                doc("mutation { markNotificationsRead(ids: []) }"),
                json!({}),
            ),
            other => panic!("no attempt written for {other}"),
        }
    }
}

fn institution_input(n: usize) -> Value {
    json!({
        "name": format!("Institute number {n}"),
        "kind": "UNIVERSITY",
        "country": "GH",
        "city": "Accra",
        "website": format!("https://institute-{n}.example.edu"),
        "description": "A research institute."
    })
}
