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
    <message>
        <source>Web console</source>
        <translation>Web-Konsole</translation>
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
    <message>
        <source>Screen</source>
        <translation>Bildschirm</translation>
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
    <message>
        <source>Virtual media</source>
        <translation>Virtuelle Medien</translation>
    </message>
    <message>
        <source>CD: %1</source>
        <translation>CD: %1</translation>
    </message>
    <message>
        <source>USB stick: %1</source>
        <translation>USB-Stick: %1</translation>
    </message>
    <message>
        <source>Eject</source>
        <translation>Auswerfen</translation>
    </message>
    <message>
        <source>The drive could not be ejected.</source>
        <translation>Das Laufwerk konnte nicht ausgeworfen werden.</translation>
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
    <name>ScreenPage</name>
    <message>
        <source>Type text into the host</source>
        <translation>Text in den Host eingeben</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tippen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
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
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Strg+Alt+Entf</translation>
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
    <message>
        <source>Live picture</source>
        <translation>Live-Bild</translation>
    </message>
    <message>
        <source>No signal from the host</source>
        <translation>Kein Signal vom Host</translation>
    </message>
    <message>
        <source>The capture device is missing</source>
        <translation>Das Aufnahmegerät fehlt</translation>
    </message>
    <message>
        <source>This board has no video capture</source>
        <translation>Diese Platine hat keine Videoaufnahme</translation>
    </message>
</context>
<context>
    <name>web</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>Mein Konto</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Skip to content</source>
        <translation>Zum Inhalt springen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptnavigation</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Host console screen</source>
        <translation>Bildschirm der Host-Konsole</translation>
    </message>
    <message>
        <source>Keyboard input for the host console</source>
        <translation>Tastatureingabe für die Host-Konsole</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Etwas ist schiefgegangen: %1</translation>
    </message>
    <message>
        <source>The BMC cannot be reached. Check the connection and try again.</source>
        <translation>Der BMC ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Ihre Rolle erlaubt das nicht.</translation>
    </message>
    <message>
        <source>Another action is still running: %1</source>
        <translation>Eine andere Aktion läuft noch: %1</translation>
    </message>
    <message>
        <source>Not possible in the current state: %1</source>
        <translation>Im jetzigen Zustand nicht möglich: %1</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>Es existiert nicht mehr.</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>Es existiert bereits.</translation>
    </message>
    <message>
        <source>The BMC is busy or at a limit: %1</source>
        <translation>Der BMC ist ausgelastet oder an einer Grenze: %1</translation>
    </message>
    <message>
        <source>The BMC refused: %1</source>
        <translation>Der BMC hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Konto hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Password…</source>
        <translation>Passwort …</translation>
    </message>
    <message>
        <source>Change the password of %1</source>
        <translation>Passwort von %1 ändern</translation>
    </message>
    <message>
        <source>SSH keys</source>
        <translation>SSH-Schlüssel</translation>
    </message>
    <message>
        <source>SSH keys of %1</source>
        <translation>SSH-Schlüssel von %1</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>IPMI access</source>
        <translation>IPMI-Zugang</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>At most %1 bytes, because IPMI allows no more.</source>
        <translation>Höchstens %1 Byte, weil IPMI nicht mehr erlaubt.</translation>
    </message>
    <message>
        <source>At most %1 bytes.</source>
        <translation>Höchstens %1 Byte.</translation>
    </message>
    <message>
        <source>No control characters.</source>
        <translation>Keine Steuerzeichen.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>Das Passwort muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>The password must have at most %1 bytes.</source>
        <translation>Das Passwort darf höchstens %1 Byte haben.</translation>
    </message>
    <message>
        <source>The password must not contain control characters.</source>
        <translation>Das Passwort darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>1 to 16 letters, digits, _ . or -, not starting with . or -.</source>
        <translation>1 bis 16 Buchstaben, Ziffern, _ . oder -, nicht mit . oder - am Anfang.</translation>
    </message>
    <message>
        <source>May use IPMI (ipmitool)</source>
        <translation>Darf IPMI nutzen (ipmitool)</translation>
    </message>
    <message>
        <source>The user name is not valid: 1 to 16 letters, digits, _ . or -, not starting with . or -.</source>
        <translation>Der Benutzername ist ungültig: 1 bis 16 Buchstaben, Ziffern, _ . oder -, nicht mit . oder - am Anfang.</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Konto %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Switching IPMI on needs a new password, which IPMI keeps.</source>
        <translation>Zum Einschalten von IPMI ist ein neues Passwort nötig, das IPMI speichert.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>Konto %1 gespeichert.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Passwort von %1</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>Passwort von %1 geändert.</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Konto %1 entsperrt.</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>The account and its SSH keys are deleted, and its sessions end.</source>
        <translation>Das Konto und seine SSH-Schlüssel werden gelöscht, seine Sitzungen beendet.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Account %1 deleted.</source>
        <translation>Konto %1 gelöscht.</translation>
    </message>
    <message>
        <source>Key added.</source>
        <translation>Schlüssel hinzugefügt.</translation>
    </message>
    <message>
        <source>Add a public key</source>
        <translation>Öffentlichen Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>One line in OpenSSH&apos;s format: Ed25519, ECDSA, or RSA of at least 2048 bits.</source>
        <translation>Eine Zeile im OpenSSH-Format: Ed25519, ECDSA oder RSA mit mindestens 2048 Bit.</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>Schlüssel hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove key %1</source>
        <translation>Schlüssel %1 entfernen</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>No SSH keys.</source>
        <translation>Keine SSH-Schlüssel.</translation>
    </message>
    <message>
        <source>These keys log in to the host console over SSH.</source>
        <translation>Mit diesen Schlüsseln meldet man sich per SSH an der Host-Konsole an.</translation>
    </message>
    <message>
        <source>Remove this key?</source>
        <translation>Diesen Schlüssel entfernen?</translation>
    </message>
    <message>
        <source>Whoever holds the matching private key can no longer log in with it.</source>
        <translation>Wer den passenden privaten Schlüssel hat, kann sich damit nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>Click the screen to type. Keys go to the host while it has focus; Ctrl+] leaves it. Ctrl+C copies when text is selected, Ctrl+V pastes.</source>
        <translation>Zum Tippen auf den Bildschirm klicken. Solange er den Fokus hat, gehen Tasten an den Host; Strg+] verlässt ihn. Strg+C kopiert markierten Text, Strg+V fügt ein.</translation>
    </message>
    <message>
        <source>Connecting to the console…</source>
        <translation>Verbindung zur Konsole wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Disconnected. Connecting again…</source>
        <translation>Getrennt. Neue Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>You hold the console input.</source>
        <translation>Sie haben die Eingabe der Konsole.</translation>
    </message>
    <message>
        <source>%1 holds the console input; you are watching.</source>
        <translation>%1 hat die Eingabe der Konsole; Sie schauen zu.</translation>
    </message>
    <message>
        <source>Nobody holds the console input; typing takes it.</source>
        <translation>Niemand hat die Eingabe der Konsole; wer tippt, übernimmt sie.</translation>
    </message>
    <message>
        <source>Take over input</source>
        <translation>Eingabe übernehmen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Send text…</source>
        <translation>Text senden …</translation>
    </message>
    <message>
        <source>Special key</source>
        <translation>Sondertaste</translation>
    </message>
    <message>
        <source>Send key</source>
        <translation>Taste senden</translation>
    </message>
    <message>
        <source>Selection copied.</source>
        <translation>Auswahl kopiert.</translation>
    </message>
    <message>
        <source>Screen copied.</source>
        <translation>Bildschirm kopiert.</translation>
    </message>
    <message>
        <source>The browser did not allow copying. Select the text and press Ctrl+C.</source>
        <translation>Der Browser hat das Kopieren nicht erlaubt. Markieren Sie den Text und drücken Sie Strg+C.</translation>
    </message>
    <message>
        <source>Send text to the host</source>
        <translation>Text an den Host senden</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Sent as typed; line breaks are sent as Enter.</source>
        <translation>Wird wie getippt gesendet; Zeilenumbrüche als Eingabetaste.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Console log files</source>
        <translation>Protokolldateien der Konsole</translation>
    </message>
    <message>
        <source>No console log files.</source>
        <translation>Keine Protokolldateien der Konsole.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>What the host printed on its serial console, newest file first.</source>
        <translation>Was der Host auf seiner seriellen Konsole ausgegeben hat, neueste Datei zuerst.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Zuletzt geschrieben</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>This account is locked for logins from your address after too many failed attempts. Try again later.</source>
        <translation>Dieses Konto ist nach zu vielen Fehlversuchen für Anmeldungen von Ihrer Adresse gesperrt. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>Dieses Konto ist deaktiviert. Bitten Sie einen Administrator, es zu aktivieren.</translation>
    </message>
    <message>
        <source>Too many sessions are open. Sign out elsewhere or wait until old sessions time out.</source>
        <translation>Zu viele Sitzungen sind offen. Melden Sie sich anderswo ab oder warten Sie, bis alte Sitzungen ablaufen.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Sign in to the BMC</source>
        <translation>Am BMC anmelden</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Touchscreen</source>
        <translation>Touchscreen</translation>
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
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>This BMC has no event log.</source>
        <translation>Dieser BMC hat kein Ereignisprotokoll.</translation>
    </message>
    <message>
        <source>All origins</source>
        <translation>Alle Herkünfte</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Download CSV</source>
        <translation>CSV herunterladen</translation>
    </message>
    <message>
        <source>Download JSON</source>
        <translation>JSON herunterladen</translation>
    </message>
    <message>
        <source>Clear log…</source>
        <translation>Protokoll leeren …</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Showing %1 of %2 entries</source>
        <translation>%1 von %2 Einträgen angezeigt</translation>
    </message>
    <message>
        <source>No entries.</source>
        <translation>Keine Einträge.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Event log entries, newest first</source>
        <translation>Einträge des Ereignisprotokolls, neueste zuerst</translation>
    </message>
    <message>
        <source>Clear the event log?</source>
        <translation>Ereignisprotokoll leeren?</translation>
    </message>
    <message>
        <source>Every entry is deleted for good. Download the log first if you need it.</source>
        <translation>Alle Einträge werden endgültig gelöscht. Laden Sie das Protokoll vorher herunter, wenn Sie es brauchen.</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <source>Event log cleared.</source>
        <translation>Ereignisprotokoll geleert.</translation>
    </message>
    <message>
        <source>There is no page at this address.</source>
        <translation>Unter dieser Adresse gibt es keine Seite.</translation>
    </message>
    <message>
        <source>Go to the overview</source>
        <translation>Zur Übersicht</translation>
    </message>
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
        <translation>Wird eingeschaltet …</translation>
    </message>
    <message>
        <source>Powering off…</source>
        <translation>Wird ausgeschaltet …</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Force power on</source>
        <translation>Einschalten erzwingen</translation>
    </message>
    <message>
        <source>Force power off</source>
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
        <translation>Aus- und wieder einschalten</translation>
    </message>
    <message>
        <source>Press power button</source>
        <translation>Einschaltknopf drücken</translation>
    </message>
    <message>
        <source>Send NMI</source>
        <translation>NMI senden</translation>
    </message>
    <message>
        <source>The host loses power at once. Unsaved work on it is lost.</source>
        <translation>Der Host verliert sofort den Strom. Nicht gespeicherte Arbeit geht verloren.</translation>
    </message>
    <message>
        <source>The host&apos;s operating system is asked to shut down.</source>
        <translation>Das Betriebssystem des Hosts wird gebeten, herunterzufahren.</translation>
    </message>
    <message>
        <source>The host&apos;s operating system is asked to shut down, then the host is powered on again.</source>
        <translation>Das Betriebssystem des Hosts wird gebeten, herunterzufahren; danach wird der Host wieder eingeschaltet.</translation>
    </message>
    <message>
        <source>The host is reset at once. Unsaved work on it is lost.</source>
        <translation>Der Host wird sofort zurückgesetzt. Nicht gespeicherte Arbeit geht verloren.</translation>
    </message>
    <message>
        <source>The host loses power at once and is powered on again. Unsaved work on it is lost.</source>
        <translation>Der Host verliert sofort den Strom und wird wieder eingeschaltet. Nicht gespeicherte Arbeit geht verloren.</translation>
    </message>
    <message>
        <source>The power button is pressed once, as by hand.</source>
        <translation>Der Einschaltknopf wird einmal gedrückt, wie von Hand.</translation>
    </message>
    <message>
        <source>A non-maskable interrupt is sent to the host; its operating system may stop.</source>
        <translation>Ein nicht maskierbarer Interrupt wird an den Host gesendet; sein Betriebssystem hält vielleicht an.</translation>
    </message>
    <message>
        <source>The host&apos;s power changes.</source>
        <translation>Die Stromversorgung des Hosts ändert sich.</translation>
    </message>
    <message>
        <source>No override</source>
        <translation>Keine Vorgabe</translation>
    </message>
    <message>
        <source>Network (PXE)</source>
        <translation>Netzwerk (PXE)</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>CD/DVD</source>
        <translation>CD/DVD</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>Firmware setup</source>
        <translation>Firmware-Setup</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Floppy</source>
        <translation>Diskette</translation>
    </message>
    <message>
        <source>UEFI shell</source>
        <translation>UEFI-Shell</translation>
    </message>
    <message>
        <source>UEFI HTTP</source>
        <translation>UEFI-HTTP</translation>
    </message>
    <message>
        <source>Next boot only</source>
        <translation>Nur beim nächsten Start</translation>
    </message>
    <message>
        <source>Every boot</source>
        <translation>Bei jedem Start</translation>
    </message>
    <message>
        <source>Legacy BIOS</source>
        <translation>Legacy-BIOS</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>Stay off</source>
        <translation>Aus bleiben</translation>
    </message>
    <message>
        <source>Return to the last state</source>
        <translation>Letzten Zustand wiederherstellen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 T %2 h %3 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Running: %1, since %2</source>
        <translation>Läuft: %1, seit %2</translation>
    </message>
    <message>
        <source>The last power action did not complete.</source>
        <translation>Die letzte Stromaktion wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Host power</source>
        <translation>Stromversorgung des Hosts</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1?</translation>
    </message>
    <message>
        <source>%1: nothing to do.</source>
        <translation>%1: nichts zu tun.</translation>
    </message>
    <message>
        <source>%1 requested.</source>
        <translation>%1 angefordert.</translation>
    </message>
    <message>
        <source>Stop identifying</source>
        <translation>Identifizieren beenden</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identifizieren</translation>
    </message>
    <message>
        <source>Lights the chassis&apos; identify LED so the server can be found in the rack.</source>
        <translation>Schaltet die Identifikations-LED des Gehäuses ein, damit der Server im Rack zu finden ist.</translation>
    </message>
    <message>
        <source>Identify LED</source>
        <translation>Identifikations-LED</translation>
    </message>
    <message>
        <source>Boot device</source>
        <translation>Startgerät</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>Gilt</translation>
    </message>
    <message>
        <source>Boot mode</source>
        <translation>Startmodus</translation>
    </message>
    <message>
        <source>Whether the host follows the override depends on its firmware&apos;s boot order.</source>
        <translation>Ob der Host der Vorgabe folgt, hängt von der Startreihenfolge seiner Firmware ab.</translation>
    </message>
    <message>
        <source>Boot override</source>
        <translation>Startvorgabe</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Boot override saved.</source>
        <translation>Startvorgabe gespeichert.</translation>
    </message>
    <message>
        <source>What the BMC does with the host when the BMC starts.</source>
        <translation>Was der BMC beim eigenen Start mit dem Host macht.</translation>
    </message>
    <message>
        <source>Power restore policy</source>
        <translation>Verhalten nach Stromausfall</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>Sensoren</translation>
    </message>
    <message>
        <source>No sensors.</source>
        <translation>Keine Sensoren.</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>Kein Messwert</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Messwert</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Firmware version</source>
        <translation>Firmware-Version</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
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
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC-Adresse</translation>
    </message>
    <message>
        <source>BMC time</source>
        <translation>BMC-Zeit</translation>
    </message>
    <message>
        <source>Running since</source>
        <translation>Läuft seit</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Web browser</source>
        <translation>Webbrowser</translation>
    </message>
    <message>
        <source>Host console</source>
        <translation>Host-Konsole</translation>
    </message>
    <message>
        <source>KVM</source>
        <translation>KVM</translation>
    </message>
    <message>
        <source>Virtual media</source>
        <translation>Virtuelle Medien</translation>
    </message>
    <message>
        <source>this browser</source>
        <translation>dieser Browser</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>End the session of %1</source>
        <translation>Sitzung von %1 beenden</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Sessions end by themselves when unused for the session time-out.</source>
        <translation>Sitzungen enden von selbst, wenn sie länger als die Sitzungszeitbegrenzung unbenutzt sind.</translation>
    </message>
    <message>
        <source>No sessions.</source>
        <translation>Keine Sitzungen.</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Abmelden?</translation>
    </message>
    <message>
        <source>End this session?</source>
        <translation>Diese Sitzung beenden?</translation>
    </message>
    <message>
        <source>This is your own session in this browser.</source>
        <translation>Das ist Ihre eigene Sitzung in diesem Browser.</translation>
    </message>
    <message>
        <source>%1 is disconnected from %2.</source>
        <translation>%1 wird an %2 getrennt.</translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation>Sitzung beendet.</translation>
    </message>
    <message>
        <source>Restart the BMC</source>
        <translation>BMC neu starten</translation>
    </message>
    <message>
        <source>Restart the BMC at once</source>
        <translation>BMC sofort neu starten</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Only administrators can change settings.</source>
        <translation>Nur Administratoren können Einstellungen ändern.</translation>
    </message>
    <message>
        <source>IPMI over LAN</source>
        <translation>IPMI über LAN</translation>
    </message>
    <message>
        <source>SSH console</source>
        <translation>SSH-Konsole</translation>
    </message>
    <message>
        <source>UDP port %1; switching it off ends every IPMI session.</source>
        <translation>UDP-Port %1; Ausschalten beendet alle IPMI-Sitzungen.</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH-Port</translation>
    </message>
    <message>
        <source>HTTPS (this interface) on port %1.</source>
        <translation>HTTPS (diese Oberfläche) auf Port %1.</translation>
    </message>
    <message>
        <source>Network services</source>
        <translation>Netzwerkdienste</translation>
    </message>
    <message>
        <source>Serial-over-LAN (IPMI)</source>
        <translation>Serial-over-LAN (IPMI)</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1, Port %2</translation>
    </message>
    <message>
        <source>Clients at once</source>
        <translation>Gleichzeitige Clients</translation>
    </message>
    <message>
        <source>Serial-over-LAN&apos;s bit rate and privilege are set in the BMC&apos;s configuration file or with ipmitool (sol set).</source>
        <translation>Bitrate und Berechtigung von Serial-over-LAN werden in der Konfigurationsdatei des BMC oder mit ipmitool (sol set) eingestellt.</translation>
    </message>
    <message>
        <source>Session time-out (seconds)</source>
        <translation>Sitzungszeitbegrenzung (Sekunden)</translation>
    </message>
    <message>
        <source>A session unused this long ends: 30 to 86400 seconds.</source>
        <translation>Eine so lange unbenutzte Sitzung endet: 30 bis 86400 Sekunden.</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>UTC offset</source>
        <translation>Abstand zu UTC</translation>
    </message>
    <message>
        <source>The BMC&apos;s operating system keeps the clock (NTP); it cannot be set here.</source>
        <translation>Das Betriebssystem des BMC führt die Uhr (NTP); sie lässt sich hier nicht stellen.</translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation>Neu starten …</translation>
    </message>
    <message>
        <source>Restart the BMC?</source>
        <translation>BMC neu starten?</translation>
    </message>
    <message>
        <source>This interface, IPMI and SSH are unavailable for a few seconds; every session ends. The host keeps running.</source>
        <translation>Diese Oberfläche, IPMI und SSH sind einige Sekunden nicht erreichbar; alle Sitzungen enden. Der Host läuft weiter.</translation>
    </message>
    <message>
        <source>The BMC is restarting.</source>
        <translation>Der BMC startet neu.</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Web console</source>
        <translation>Web-Konsole</translation>
    </message>
    <message>
        <source>Remote screen</source>
        <translation>Fernbildschirm</translation>
    </message>
    <message>
        <source>Click the screen to type and use the mouse. Keys the browser keeps for itself are in the keys menu.</source>
        <translation>Klicken Sie auf den Bildschirm, um zu tippen und die Maus zu benutzen. Tasten, die der Browser selbst behält, stehen im Tastenmenü.</translation>
    </message>
    <message>
        <source>You are watching: your role may not use the host&apos;s keyboard and mouse.</source>
        <translation>Sie sehen nur zu: Ihre Rolle darf Tastatur und Maus des Hosts nicht benutzen.</translation>
    </message>
    <message>
        <source>Connecting to the remote screen…</source>
        <translation>Verbindung zum Fernbildschirm wird aufgebaut…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Strg+Alt+Entf</translation>
    </message>
    <message>
        <source>Paste as typing…</source>
        <translation>Als Tastatureingabe einfügen…</translation>
    </message>
    <message>
        <source>Scale to fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Bildschirmfoto</translation>
    </message>
    <message>
        <source>Open in a window</source>
        <translation>In eigenem Fenster öffnen</translation>
    </message>
    <message>
        <source>Paste as typing</source>
        <translation>Als Tastatureingabe einfügen</translation>
    </message>
    <message>
        <source>Typed on the host&apos;s keyboard; line breaks are typed as Enter.</source>
        <translation>Wird auf der Tastatur des Hosts getippt; Zeilenumbrüche werden als Eingabetaste getippt.</translation>
    </message>
    <message>
        <source>The host&apos;s keyboard layout</source>
        <translation>Tastaturbelegung des Hosts</translation>
    </message>
    <message>
        <source>There is no picture to save yet.</source>
        <translation>Es gibt noch kein Bild zum Speichern.</translation>
    </message>
    <message>
        <source>CD/DVD drive</source>
        <translation>CD/DVD-Laufwerk</translation>
    </message>
    <message>
        <source>USB stick</source>
        <translation>USB-Stick</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Inserted: %1</source>
        <translation>Eingelegt: %1</translation>
    </message>
    <message>
        <source>Copying %1 into the BMC…</source>
        <translation>%1 wird in den BMC kopiert …</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Copy progress</source>
        <translation>Kopierfortschritt</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Eject</source>
        <translation>Auswerfen</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Abbild</translation>
    </message>
    <message>
        <source>An http:// or https:// URL, copied into the BMC before the host sees it, or the name of an image in the store.</source>
        <translation>Eine http://- oder https://-URL, die in den BMC kopiert wird, bevor der Host sie sieht, oder der Name eines Abbilds im Speicher.</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <source>User name for the image server</source>
        <translation>Benutzername für den Abbild-Server</translation>
    </message>
    <message>
        <source>Password for the image server</source>
        <translation>Passwort für den Abbild-Server</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Einlegen</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>Abbild einlegen</translation>
    </message>
    <message>
        <source>%1 of %2 used</source>
        <translation>%1 von %2 belegt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The store holds no images.</source>
        <translation>Der Speicher enthält keine Abbilder.</translation>
    </message>
    <message>
        <source>Image store</source>
        <translation>Abbildspeicher</translation>
    </message>
    <message>
        <source>Inserted.</source>
        <translation>Eingelegt.</translation>
    </message>
    <message>
        <source>The copy failed.</source>
        <translation>Das Kopieren ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The image is removed from the BMC&apos;s store.</source>
        <translation>Das Abbild wird aus dem Speicher des BMC gelöscht.</translation>
    </message>
</context>
</TS>
