// Live updates: the Redfish EventService's server-sent event stream, authenticated by the session
// cookie. Each event names the resource that changed (OriginOfCondition); pages refetch what they
// show when something they depend on changed, so nothing ever needs a manual reload.

const STREAM_URI = "/redfish/v1/EventService/SSE";
const RETRY_DELAY_MS = 3000;

const listeners = new Set();
let source = null;
let retryTimer = null;
let sessionCheck = async () => {};
let wasOpenBefore = false;

/**
 * Calls listener({origin, messageId, message, severity, resync}) for every event; resync is true
 * when the stream (re)connected and events may have been missed. Returns an unsubscribe function.
 */
export function onEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

function emit(event) {
    for (const listener of [...listeners]) {
        try {
            listener(event);
        } catch (error) {
            console.warn("event listener failed", error);
        }
    }
}

/** Sets how a broken stream checks whether the session still exists (a 401 signs out). */
export function setSessionCheck(check) {
    sessionCheck = check;
}

function handleMessage(message) {
    let payload;
    try {
        payload = JSON.parse(message.data);
    } catch {
        return;
    }
    for (const event of payload?.Events ?? []) {
        emit({
            origin: event.OriginOfCondition?.["@odata.id"] ?? "",
            messageId: event.MessageId ?? "",
            message: event.Message ?? "",
            severity: event.MessageSeverity ?? "OK",
            timestamp: event.EventTimestamp ?? "",
            resync: false,
        });
    }
}

/** Opens the stream if it is not open. */
export function startEvents() {
    if (source) return;
    clearTimeout(retryTimer);
    source = new EventSource(STREAM_URI, { withCredentials: true });
    source.addEventListener("message", handleMessage);
    source.addEventListener("open", () => {
        // After a reconnect, whatever changed meanwhile was not announced: refetch everything.
        if (wasOpenBefore) emit({ origin: "", messageId: "", message: "", severity: "OK", resync: true });
        wasOpenBefore = true;
    });
    source.addEventListener("error", () => {
        // EventSource retries by itself after a dropped connection; an HTTP error (401 once the
        // session is gone) closes it for good, so check the session and try again later.
        if (source && source.readyState === EventSource.CLOSED) {
            source = null;
            scheduleRetry();
        }
    });
}

function scheduleRetry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(async () => {
        try {
            await sessionCheck();
        } catch (error) {
            // 401: the check signed the user out and there is nothing to reopen. Anything else
            // (the BMC restarting) is worth another try.
            if (error?.status === 401) return;
            scheduleRetry();
            return;
        }
        startEvents();
    }, RETRY_DELAY_MS);
}

/** Closes the stream (logout). */
export function stopEvents() {
    clearTimeout(retryTimer);
    if (source) source.close();
    source = null;
    wasOpenBefore = false;
}
