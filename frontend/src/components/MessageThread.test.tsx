import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n";
import { MESSAGES } from "../test/utils";
import { MessageThread } from "./MessageThread";

describe("the message thread", () => {
  it("shows bodies as plain text, never as HTML, with line breaks kept", () => {
    const body = '<img src=x onerror="alert(1)"><b>bold</b>\nsecond line';
    const { container } = render(
      <I18nProvider lang="en" messages={MESSAGES.en}>
        <MessageThread
          myAccountId="a1"
          messages={[
            { id: "m1", body, sentAt: "2026-11-20T10:00:00Z", author: { id: "a2", displayName: "Kofi" } },
            { id: "m2", body: "Thanks!", sentAt: "2026-11-20T11:00:00Z", author: { id: "a1", displayName: "Ada" } },
          ]}
        />
      </I18nProvider>,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector(".msg-body")!.textContent).toBe(body);
    expect(screen.getByText("Kofi")).toBeTruthy();
    expect(screen.getByText("You")).toBeTruthy();
    expect(container.querySelectorAll(".msg-mine")).toHaveLength(1);
  });

  it("says when there is no message yet", () => {
    render(
      <I18nProvider lang="fr" messages={MESSAGES.fr}>
        <MessageThread messages={[]} />
      </I18nProvider>,
    );
    expect(screen.getByText("Aucun message pour l’instant.")).toBeTruthy();
  });
});
