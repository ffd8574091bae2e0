<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessPage</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>This account is locked after failed logins; try again later.</source>
        <translation>Dieses Konto ist nach fehlgeschlagenen Anmeldungen gesperrt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Only an administrator can do this.</source>
        <translation>Nur ein Administrator kann diese Aktion ausführen.</translation>
    </message>
    <message>
        <source>This BMC</source>
        <translation>Dieser BMC</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Redfish</source>
        <translation>Redfish</translation>
    </message>
    <message>
        <source>off</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>qbmc version</source>
        <translation>qbmc-Version</translation>
    </message>
    <message>
        <source>IPMI over LAN</source>
        <translation>IPMI über LAN</translation>
    </message>
    <message>
        <source>On, UDP port %1</source>
        <translation>Aktiviert, UDP-Port %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Serial-over-LAN is on.</source>
        <translation>Serial-over-LAN ist aktiviert.</translation>
    </message>
    <message>
        <source>Serial-over-LAN is off.</source>
        <translation>Serial-over-LAN ist deaktiviert.</translation>
    </message>
    <message>
        <source>Weak passwords (the user name or &quot;admin&quot;): %1</source>
        <translation>Konten mit schwachem Passwort (Benutzername oder &quot;admin&quot;): %1</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Nobody is connected.</source>
        <translation>Niemand ist verbunden.</translation>
    </message>
    <message>
        <source>%1: %2 from %3, since %4</source>
        <translation>%1: %2 von %3, seit %4</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Bildschirm sperren</translation>
    </message>
    <message>
        <source>Forgot the administrator password?</source>
        <translation>Administratorpasswort vergessen?</translation>
    </message>
    <message>
        <source>Locked accounts</source>
        <translation>Gesperrte Konten</translation>
    </message>
    <message>
        <source>After too many failed logins from an address, logins from there are refused until the lock runs out or an administrator lifts it here.</source>
        <translation>Nach zu vielen fehlgeschlagenen Anmeldungen von einer Adresse werden Anmeldungen von dort abgewiesen, bis die Sperre abläuft oder ein Administrator sie hier aufhebt.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlock &quot;%1&quot;</source>
        <translation>„%1“ entsperren</translation>
    </message>
    <message>
        <source>Turn IPMI over LAN on</source>
        <translation>IPMI über LAN aktivieren</translation>
    </message>
    <message>
        <source>Turn IPMI over LAN off</source>
        <translation>IPMI über LAN deaktivieren</translation>
    </message>
    <message>
        <source>SSH console</source>
        <translation>SSH-Konsole</translation>
    </message>
    <message>
        <source>On, TCP port %1</source>
        <translation>Ein, TCP-Port %1</translation>
    </message>
    <message>
        <source>Host keys: %1</source>
        <translation>Host-Schlüssel: %1</translation>
    </message>
    <message>
        <source>SSH keys per account: %1</source>
        <translation>SSH-Schlüssel je Konto: %1</translation>
    </message>
    <message>
        <source>No account has an SSH key.</source>
        <translation>Kein Konto hat einen SSH-Schlüssel.</translation>
    </message>
    <message>
        <source>Turn the SSH console on</source>
        <translation>SSH-Konsole einschalten</translation>
    </message>
    <message>
        <source>Turn the SSH console off</source>
        <translation>SSH-Konsole ausschalten</translation>
    </message>
</context>
<context>
    <name>AdminConfirmDialog</name>
    <message>
        <source>An administrator confirms this with their password.</source>
        <translation>Zur Bestätigung ist das Passwort eines Administrators erforderlich.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Newest output</source>
        <translation>Neueste Ausgabe</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Type a command for the host</source>
        <translation>Befehl für den Host eingeben</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Input belongs to the remote console session of %1.</source>
        <translation>Die Eingabe liegt bei der Konsolensitzung von %1.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Pos1</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>Bild↑</translation>
    </message>
    <message>
        <source>PgDn</source>
        <translation>Bild↓</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>Keine Ereignisse</translation>
    </message>
</context>
<context>
    <name>FirstStartOverlay</name>
    <message>
        <source>Welcome to qbmc</source>
        <translation>Willkommen bei qbmc</translation>
    </message>
    <message>
        <source>This BMC has no default password. It made one for the administrator; note it now, it is shown only until you confirm.</source>
        <translation>Dieser BMC hat kein Standardpasswort. Für den Administrator wurde ein Passwort erzeugt. Notieren Sie es jetzt – es wird nur angezeigt, bis Sie bestätigen.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Redfish</source>
        <translation>Redfish</translation>
    </message>
    <message>
        <source>I have noted the password</source>
        <translation>Ich habe das Passwort notiert</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Screen locked: enter the PIN</source>
        <translation>Bildschirm gesperrt: Geben Sie die PIN ein</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>qbmc</source>
        <translation>qbmc</translation>
    </message>
    <message>
        <source>Identify: this is %1</source>
        <translation>Identifizierung: Dies ist %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Host power</source>
        <translation>Stromversorgung des Hosts</translation>
    </message>
    <message>
        <source>Last: %1 by %2 at %3</source>
        <translation>Zuletzt: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>(failed)</source>
        <translation>(fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Busy: %1 is running. The buttons wait for it to finish.</source>
        <translation>Läuft gerade: %1. Die Schaltflächen sind bis zum Abschluss gesperrt.</translation>
    </message>
    <message>
        <source>Hold a button with a ring until the ring is full.</source>
        <translation>Halten Sie Schaltflächen mit Ring gedrückt, bis der Ring voll ist.</translation>
    </message>
    <message>
        <source>Then: %1.</source>
        <translation>Danach: %1.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Reset the administrator password</source>
        <translation>Administratorpasswort zurücksetzen</translation>
    </message>
    <message>
        <source>The administrator gets a new random password, shown here once. Standing at the machine is the proof; the reset is logged.</source>
        <translation>Der Administrator erhält ein neues Zufallspasswort, das hier einmalig angezeigt wird. Die Anwesenheit am Gerät gilt als Nachweis; das Zurücksetzen wird protokolliert.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Powering on…</source>
        <translation>Schaltet ein…</translation>
    </message>
    <message>
        <source>Powering off…</source>
        <translation>Schaltet aus…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Force on</source>
        <translation>Einschalten erzwingen</translation>
    </message>
    <message>
        <source>Force off</source>
        <translation>Ausschalten erzwingen</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Power cycle</source>
        <translation>Aus- und Einschalten</translation>
    </message>
    <message>
        <source>Power button</source>
        <translation>Netzschalter drücken</translation>
    </message>
    <message>
        <source>NMI</source>
        <translation>NMI</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>IPMI</source>
        <translation>IPMI</translation>
    </message>
    <message>
        <source>Redfish</source>
        <translation>Redfish</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>BMC</source>
        <translation>BMC</translation>
    </message>
    <message>
        <source>the screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>IPMI user %1</source>
        <translation>IPMI-Benutzer %1</translation>
    </message>
    <message>
        <source>Redfish user %1</source>
        <translation>Redfish-Benutzer %1</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>the BMC</source>
        <translation>BMC</translation>
    </message>
    <message>
        <source>Nothing to do: the host is already there.</source>
        <translation>Nichts zu tun: Der Host befindet sich bereits in diesem Zustand.</translation>
    </message>
    <message>
        <source>Another power action is running.</source>
        <translation>Es läuft bereits ein anderer Stromsteuerungsvorgang.</translation>
    </message>
    <message>
        <source>Not possible while the host is in this state.</source>
        <translation>Im aktuellen Zustand des Hosts nicht möglich.</translation>
    </message>
    <message>
        <source>This board&apos;s wiring cannot do that.</source>
        <translation>Die Verdrahtung dieses Boards unterstützt das nicht.</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>Unbekannte Aktion.</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Waiting for the serial adapter</source>
        <translation>Warten auf den seriellen Adapter</translation>
    </message>
    <message>
        <source>No serial console configured</source>
        <translation>Keine serielle Konsole konfiguriert</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait half a minute.</source>
        <translation>Zu viele falsche PINs: Bitte warten Sie eine halbe Minute.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
</context>
</TS>
