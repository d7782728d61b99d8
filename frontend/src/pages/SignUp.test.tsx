import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeFetch, renderWithApp } from "../test/utils";
import SignUp from "./SignUp";

function fill(role: RegExp) {
  fireEvent.click(screen.getByLabelText(role));
  fireEvent.change(screen.getByLabelText("Your name"), { target: { value: "Ada" } });
  fireEvent.change(screen.getByLabelText("Email address"), { target: { value: "ada@example.org" } });
  fireEvent.change(screen.getByLabelText("Password"), { target: { value: "correct horse battery" } });
}

describe("sign-up form", () => {
  it("lists the missing fields at the top, linked to the fields, without calling the server", async () => {
    const f = fakeFetch(() => ({ data: null }));
    render(renderWithApp(<SignUp />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    const summary = await screen.findByRole("alert");
    const links = summary.querySelectorAll("a");
    expect([...links].map((a) => a.getAttribute("href"))).toEqual(["#f-role", "#f-displayName", "#f-email", "#f-password"]);
    expect(document.activeElement).toBe(summary);
    expect(f.calls).toHaveLength(0);
  });

  it("shows the server's BAD_USER_INPUT beside the field named by extensions.field", async () => {
    const f = fakeFetch(() => ({
      data: null,
      errors: [{ message: "this email address is not valid", path: ["register"], extensions: { code: "BAD_USER_INPUT", field: "input.email" } }],
    }));
    render(renderWithApp(<SignUp />, { fetch: f }).ui);
    fill(/An expert living abroad/);
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(document.getElementById("f-email-error")).not.toBeNull());
    expect(document.getElementById("f-email-error")!.textContent).toContain("this email address is not valid");
    const email = screen.getByLabelText("Email address");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toContain("f-email-error");
    expect((email as HTMLInputElement).value).toBe("ada@example.org"); // nothing typed is lost
    const link = screen.getByRole("link", { name: /Email address: this email address is not valid/ });
    expect(link.getAttribute("href")).toBe("#f-email");
    expect(f.calls[0].variables).toEqual({
      input: { email: "ada@example.org", password: "correct horse battery", displayName: "Ada", role: "EXPERT" },
    });
  });

  it("explains a RATE_LIMITED answer with the wait, in French", async () => {
    const f = fakeFetch(() => ({ data: null, errors: [{ message: "slow down", extensions: { code: "RATE_LIMITED", retryAfter: 90 } }] }));
    render(renderWithApp(<SignUp />, { fetch: f, lang: "fr" }).ui);
    fireEvent.click(screen.getByLabelText(/Expert vivant/));
    fireEvent.change(screen.getByLabelText("Votre nom"), { target: { value: "Ada" } });
    fireEvent.change(screen.getByLabelText("Adresse e-mail"), { target: { value: "ada@example.org" } });
    fireEvent.change(screen.getByLabelText("Mot de passe"), { target: { value: "correct horse battery" } });
    fireEvent.click(screen.getByRole("button", { name: "Créer le compte" }));
    expect(await screen.findByText("Trop de tentatives. Réessayez dans 90 secondes.")).toBeTruthy();
  });

  it("signs in with the returned tokens: refresh token in sessionStorage only", async () => {
    const f = fakeFetch(() => ({
      data: { register: { accessToken: "a.b.c", refreshToken: "r1", account: { id: "1", email: "ada@example.org", displayName: "Ada", role: "INSTITUTION", status: "PENDING_VERIFICATION" } } },
    }));
    const app = renderWithApp(<SignUp />, { fetch: f });
    render(app.ui);
    fill(/Staff of an institution/);
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByText("We sent a link to ada@example.org. Open it to confirm your email address.")).toBeTruthy();
    expect(sessionStorage.getItem("braingain.refresh")).toBe("r1");
    expect(app.session.account?.role).toBe("INSTITUTION");
  });
});
