; (UTF-8 with a byte-order mark: Inno Setup reads the accents right only with it.)
; Inno Setup 6 script: a per-user installer for the PyInstaller bundle (dist\readiness).
; No administrator rights needed (beneficiaries often lack them): it installs in
; %LOCALAPPDATA%\Programs\readiness, with Start-menu and desktop shortcuts.
;
;   iscc /DAppVersion=0.1.0 /DOrganisation="OF Optimo Coaching" ^
;        /DSourceDir=dist\readiness /Odist packaging\windows\readiness.iss
;
; `python -m readiness.build` runs it with those values. Not verified on this project's
; Linux machine: the GitHub workflow builds it on a Windows runner.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Organisation
  #define Organisation "OF Optimo Coaching"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\readiness"
#endif
#define AppTitle "Préparer ma séance"

[Setup]
; The same AppId for every build: a newer installer updates the installed app.
AppId={{6F1C2B7E-3D7A-4C1B-9E55-2A7F0B6C9D41}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher={#Organisation}
DefaultDirName={autopf}\readiness
DefaultGroupName={#AppTitle}
DisableProgramGroupPage=yes
DisableDirPage=yes
DisableReadyPage=yes
; Per user, without a UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=readiness-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\readiness.ico
UninstallDisplayIcon={app}\readiness.exe
UninstallDisplayName={#AppTitle}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=no
CloseApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
; Checked by default: the beneficiary finds the app on the desktop on the day.
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole PyInstaller folder: readiness.exe (windowed, the shortcuts' target) and
; readiness-cli.exe, its console twin for IT support (`readiness-cli check --json`).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\readiness.exe"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\readiness.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\readiness.exe"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent
