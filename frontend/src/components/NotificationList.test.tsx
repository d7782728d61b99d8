import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { NotificationViewFragment } from "../graphql/generated/graphql";
import { onNotificationsChanged } from "../lib/notifications";
import { Session } from "../lib/session";
import Notifications from "../pages/Notifications";
import { fakeFetch, renderWithApp } from "../test/utils";
import { NotificationList } from "./NotificationList";

const n = (id: string, over: Partial<NotificationViewFragment> = {}): NotificationViewFragment => ({
  id, kind: "ENGAGEMENT_INVITED", text: `You are invited to help with "Flood model ${id}".`, link: `/engagements/e-${id}`, createdAt: "2026-11-20T10:00:00Z", readAt: null, ...over,
});

describe("notification list", () => {
  it("shows the translated title as a link, the server's sentence, and new/read state", () => {
    const f = fakeFetch(() => ({ data: {} }));
    render(renderWithApp(<NotificationList items={[n("1"), n("2", { kind: "MESSAGE_RECEIVED", readAt: "2026-11-21T00:00:00Z" }), n("3", { kind: "WHATEVER", link: "https://evil.example/" })]} onChanged={() => {}} />, { fetch: f, lang: "fr" }).ui);
    expect(screen.getByRole("link", { name: "Vous êtes invité" }).getAttribute("href")).toBe("/engagements/e-1");
    expect(screen.getByRole("link", { name: "Nouveau message" })).toBeTruthy();
    expect(screen.getByText('You are invited to help with "Flood model 1".').getAttribute("lang")).toBe("en");
    // An unknown kind gets the generic title; a link off the app is not followed.
    expect(screen.getByRole("heading", { name: /Notification/ })).toBeTruthy();
    expect(screen.queryByRole("link", { name: /Notification/ })).toBeNull();
    expect(screen.getAllByText("Nouveau")).toHaveLength(2);
    expect(screen.getAllByRole("button", { name: /Marquer comme lu/ })).toHaveLength(2);
  });

  it("marks one read and tells the bell", async () => {
    const f = fakeFetch(() => ({ data: { markNotificationsRead: 1 } }));
    const onChanged = vi.fn();
    const bell = vi.fn();
    const off = onNotificationsChanged(bell);
    render(renderWithApp(<NotificationList items={[n("1")]} onChanged={onChanged} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Mark as read (You are invited)" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(f.calls[0].query).toContain("markNotificationsRead");
    expect(f.calls[0].variables).toEqual({ ids: ["1"] });
    expect(bell).toHaveBeenCalled();
    off();
  });
});

describe("notifications page", () => {
  it("lists them, marks all the loaded unread ones read, and keeps 'only unread' in the URL", async () => {
    let read = false;
    const f = fakeFetch((b) => {
      if (b.query.includes("markNotificationsRead")) {
        read = true;
        return { data: { markNotificationsRead: 2 } };
      }
      const items = [n("1", { readAt: read ? "2026-11-22T00:00:00Z" : null }), n("2", { readAt: read ? "2026-11-22T00:00:00Z" : null }), n("3", { readAt: "2026-11-21T00:00:00Z" })];
      return { data: { notifications: b.variables.unreadOnly ? items.filter((x) => !x.readAt) : items, unreadNotificationCount: read ? 0 : 2 } };
    });
    const session = new Session(sessionStorage);
    session.signedOut();
    render(renderWithApp(<Notifications />, { fetch: f, session, path: "/notifications" }).ui);
    expect(await screen.findByText("Unread: 2")).toBeTruthy();
    expect(f.calls[0].variables).toEqual({ unreadOnly: false, first: 50 });
    fireEvent.click(screen.getByRole("button", { name: "Mark all as read" }));
    expect(await screen.findByText("2 notifications marked as read.")).toBeTruthy();
    expect(f.calls.find((c) => c.query.includes("markNotificationsRead"))!.variables).toEqual({ ids: ["1", "2"] });
    expect(await screen.findByText("You have read everything.")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Show only unread notifications"));
    expect(await screen.findByText("No unread notifications.")).toBeTruthy();
    expect(f.calls.at(-1)!.variables).toEqual({ unreadOnly: true, first: 50 });
  });
});
