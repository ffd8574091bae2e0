// Where the BMC's main resources are. They are found by following the service's own links once,
// rather than assuming ids, so the app works with any Redfish service that has one of each.

import { get } from "./api.js";

let found = null;

async function firstMember(collectionUri, fallback) {
    try {
        const collection = await get(collectionUri);
        return collection?.Members?.[0]?.["@odata.id"] ?? fallback;
    } catch (error) {
        if (error?.status === 401) throw error;
        return fallback;
    }
}

/** {system, chassis, manager}: the URIs of the host, its chassis and the BMC. */
export async function mainResources() {
    if (!found) {
        const [system, chassis, manager] = await Promise.all([
            firstMember("/redfish/v1/Systems", "/redfish/v1/Systems/system"),
            firstMember("/redfish/v1/Chassis", "/redfish/v1/Chassis/chassis"),
            firstMember("/redfish/v1/Managers", "/redfish/v1/Managers/bmc"),
        ]);
        found = { system, chassis, manager };
    }
    return found;
}

/** The manager's log services by Id (EventLog, HostConsole ...). */
export async function logServices() {
    const { manager } = await mainResources();
    const managerResource = await get(manager);
    const collectionUri = managerResource?.LogServices?.["@odata.id"] ?? `${manager}/LogServices`;
    const collection = await get(collectionUri);
    const services = {};
    for (const member of collection?.Members ?? []) {
        const uri = member["@odata.id"];
        const id = uri.split("/").pop();
        services[id] = uri;
    }
    return services;
}
