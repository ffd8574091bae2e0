// The signed-in user: logging in and out, who they are and what their role lets them do.
// The session itself is an HttpOnly cookie the browser keeps; the app only remembers the session's
// URI (for logout) in sessionStorage, never a password or a token.

import { RedfishError, del, get, getMembers, request } from "./api.js";
import { stopEvents } from "./events.js";

const SESSION_URI_KEY = "qbmc.sessionUri";
export const SESSIONS_URI = "/redfish/v1/SessionService/Sessions";
export const ACCOUNTS_URI = "/redfish/v1/AccountService/Accounts";

const ROLE_RANK = { ReadOnly: 0, Operator: 1, Administrator: 2 };

/** What the app knows about the signed-in user; null fields until identity is loaded. */
export const identity = {
    sessionUri: null,
    userName: null,
    roleId: null,
    accountUri: null,
};

const openSockets = new Set();

export function storedSessionUri() {
    return sessionStorage.getItem(SESSION_URI_KEY);
}

/** A refused login, with why: "credentials", "locked", "disabled", "limit" or "other". */
export class LoginError extends Error {
    constructor(reason, cause) {
        super(reason);
        this.reason = reason;
        this.cause = cause;
    }
}

function loginFailureReason(error) {
    if (error.status === 503 && error.is("SessionLimitExceeded")) return "limit";
    if (error.is("ResourceAtUriUnauthorized")) {
        const why = error.messages[0]?.MessageArgs?.[1];
        if (why === "AccountLocked") return "locked";
        if (why === "AccountDisabled") return "disabled";
        return "credentials";
    }
    if (error.is("NoValidSession") || error.status === 401) return "credentials";
    if (error.status === 503) return "limit";
    return "other";
}

/** Creates a session; throws LoginError. The password is only passed on, never kept. */
export async function login(userName, password) {
    let answer;
    try {
        answer = await request(
            "POST",
            SESSIONS_URI,
            { UserName: userName, Password: password },
            { expectUnauthorized: true },
        );
    } catch (error) {
        if (error instanceof RedfishError) throw new LoginError(loginFailureReason(error), error);
        throw error;
    }
    const location = answer.headers.get("Location") || answer.data?.["@odata.id"];
    if (!location) throw new LoginError("other");
    sessionStorage.setItem(SESSION_URI_KEY, new URL(location, window.location.href).pathname);
    await loadIdentity();
}

/**
 * Reads who is signed in from the stored session URI: the session names the user, their account
 * names the role. Returns false when there is no session to read (not signed in in this tab).
 */
export async function loadIdentity() {
    const sessionUri = storedSessionUri();
    if (!sessionUri) return false;
    const session = await get(sessionUri);
    const accounts = await getMembers(ACCOUNTS_URI);
    const account = accounts.find((candidate) => candidate.UserName === session.UserName);
    identity.sessionUri = sessionUri;
    identity.userName = session.UserName;
    identity.roleId = account?.RoleId ?? "ReadOnly";
    identity.accountUri = account?.["@odata.id"] ?? null;
    return true;
}

export function isSignedIn() {
    return Boolean(identity.sessionUri && identity.userName);
}

/** True when the user's role is at least the given one (ReadOnly, Operator, Administrator). */
export function hasRole(minimum) {
    return (ROLE_RANK[identity.roleId] ?? -1) >= ROLE_RANK[minimum];
}

/** Power, boot override, identify, console log files. */
export function canOperate() {
    return hasRole("Operator");
}

/** Accounts, the manager, the session service, other users' sessions. */
export function canAdminister() {
    return hasRole("Administrator");
}

/** Keeps a WebSocket so logout can close it. */
export function registerSocket(socket) {
    openSockets.add(socket);
    socket.addEventListener("close", () => openSockets.delete(socket));
    return socket;
}

function forgetSession() {
    sessionStorage.removeItem(SESSION_URI_KEY);
    identity.sessionUri = null;
    identity.userName = null;
    identity.roleId = null;
    identity.accountUri = null;
}

/** Ends what the app opened for this session: its WebSockets and the event stream. */
export function closeConnections() {
    for (const socket of openSockets) socket.close(1000, "logout");
    openSockets.clear();
    stopEvents();
}

/** Ends the session on the server (as far as it still exists) and everything the app opened. */
export async function logout() {
    const sessionUri = identity.sessionUri ?? storedSessionUri();
    closeConnections();
    if (sessionUri) {
        try {
            await del(sessionUri);
        } catch {
            // Already gone (expired or deleted elsewhere): signed out all the same.
        }
    }
    forgetSession();
}

/** After the server said 401: the session is over, whatever we thought. */
export function sessionEnded() {
    closeConnections();
    forgetSession();
}
