import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { notificationsChanged } from "../lib/notifications";
import { fakeFetch, renderWithApp } from "../test/utils";
import { NotificationBell } from "./NotificationBell";

describe("notification bell", () => {
  it("shows the unread count in its name and badge, and refetches when a page says it changed", async () => {
    let count = 3;
    const f = fakeFetch(() => ({ data: { unreadNotificationCount: count } }));
    render(renderWithApp(<NotificationBell accountId="a1" />, { fetch: f }).ui);
    const bell = await screen.findByRole("link", { name: "Notifications, 3 unread" });
    expect(bell.getAttribute("href")).toBe("/notifications");
    expect(bell.querySelector(".badge")?.textContent).toBe("3");
    count = 0;
    act(() => notificationsChanged());
    await waitFor(() => expect(screen.getByRole("link", { name: "Notifications" }).querySelector(".badge")).toBeNull());
    expect(f.calls.every((c) => c.query.includes("unreadNotificationCount"))).toBe(true);
  });

  it("keeps quiet when the count cannot be fetched", async () => {
    const f = fakeFetch(() => ({ errors: [{ message: "no", extensions: { code: "INTERNAL" } }] }));
    render(renderWithApp(<NotificationBell accountId="a1" />, { fetch: f }).ui);
    await waitFor(() => expect(f.calls.length).toBeGreaterThan(0));
    expect(screen.getByRole("link", { name: "Notifications" }).querySelector(".badge")).toBeNull();
  });
});
