// Turns what the BMC answered into one sentence for a person, in their language. The server's own
// text (English) follows as detail where it says more than the translated sentence.

import { tr } from "./i18n.js";

function detailOf(error) {
    const first = error?.messages?.[0];
    return first?.Resolution || first?.Message || error?.message || "";
}

/** One sentence describing a failed request (a RedfishError or anything thrown). */
export function describeError(error) {
    if (!error || typeof error.status !== "number") return tr("Something went wrong: %1", String(error?.message ?? error));
    if (error.status === 0) return tr("The BMC cannot be reached. Check the connection and try again.");
    if (error.status === 401) return tr("Your session has ended. Please sign in again.");
    if (error.status === 403 || error.is("InsufficientPrivilege")) return tr("Your role does not allow this.");
    if (error.is("ResourceInUse")) return tr("Another action is still running: %1", detailOf(error));
    if (error.is("PropertyValueResourceConflict")) return tr("Not possible in the current state: %1", detailOf(error));
    if (error.is("ResourceNotFound") || error.status === 404) return tr("It no longer exists.");
    if (error.is("ResourceAlreadyExists")) return tr("It already exists.");
    if (error.status === 503) return tr("The BMC is busy or at a limit: %1", detailOf(error));
    return tr("The BMC refused: %1", detailOf(error));
}

/**
 * Problems a successful PATCH still reported for single properties: 200 with messages whose
 * severity is not OK.
 */
export function problemsIn(data) {
    const messages = [
        ...(data?.["@Message.ExtendedInfo"] ?? []),
        ...Object.entries(data ?? {})
            .filter(([key]) => key.endsWith("@Message.ExtendedInfo"))
            .flatMap(([, value]) => value ?? []),
    ];
    return messages
        .filter((message) => message?.Severity && message.Severity !== "OK" && !String(message.MessageId).endsWith(".Success"))
        .map((message) => message.Message || message.MessageId);
}
