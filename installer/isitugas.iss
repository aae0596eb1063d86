; IsiTugas: Windows installer (Inno Setup 6).
;
; Build the bundle first (dist\IsiTugas, from installer\isitugas.spec), then, from the
; repository root:
;     ISCC installer\isitugas.iss
; The setup program is written to dist\installer\IsiTugas-<version>-setup.exe.
;
; The version is desktop.__version__: the spec writes it into isitugas.exe's version
; resource, and it is read back from there, so the installer always carries the version of
; the bundle it packs. ISCC /DAppVersion=X.Y.Z overrides it.
;
; The user's data (the database, its "sandaran" backups, the .lock file) lives in the user's
; data folder, %LOCALAPPDATA%\JPNIN\IsiTugas (desktop/paths.py, platformdirs), never in the
; install folder. The uninstaller removes only the files it installed, so that data stays.

#define AppName "IsiTugas"
#define AppPublisher "Jabatan Perpaduan Negara dan Integrasi Nasional (JPNIN)"
#define BundleDir AddBackslash(SourcePath) + "..\dist\IsiTugas"
#define AppExe "isitugas.exe"
#define BundleExe AddBackslash(BundleDir) + AppExe

#if !FileExists(BundleExe)
  #error dist\IsiTugas\isitugas.exe not found: run "pyinstaller --noconfirm installer\isitugas.spec" first
#endif

#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error isitugas.exe has no ProductVersion: rebuild it with installer\isitugas.spec or pass /DAppVersion=
#endif

; Inno Setup ships no official Malay translation. When a Malay messages file is present (the
; unofficial Malaysian.isl, placed in the compiler's Languages\Unofficial folder or beside
; this script), the installer offers Malay first; otherwise it is in English only.
#if FileExists(AddBackslash(SourcePath) + "Malaysian.isl")
  #define MalayMessages AddBackslash(SourcePath) + "Malaysian.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Malaysian.isl")
  #define MalayMessages AddBackslash(CompilerPath) + "Languages\Unofficial\Malaysian.isl"
#endif

[Setup]
; AppId identifies the installation for upgrades and the uninstaller: never change it
AppId={{6C1B7E52-3F0A-4C7E-9B8D-2A4F1E9D5C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; numbers only (X.Y.Z): a version like 1.0rc1 needs VersionInfoVersion written by hand
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; per machine: Program Files, for every user of the PC (needs an administrator)
PrivilegesRequired=admin
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; PySide6 6.x needs Windows 10 or later
MinVersion=10.0
SetupIconFile=isitugas.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an upgrade replaces the program files while the app is closed
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
#ifdef MalayMessages
; Default.isl first: messages the older Malay file lacks fall back to English
Name: "malay"; MessagesFile: "compiler:Default.isl,{#MalayMessages}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
; the rest (desktop shortcut, launch, uninstall) are Inno's own messages in each language
english.SelfTestName=IsiTugas self-test
#ifdef MalayMessages
malay.SelfTestName=Ujian kendiri IsiTugas
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade starts from a clean program folder, so no module of an older version lingers
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:SelfTestName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\isitugas-cli.exe"" --self-test"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; as the user who started setup, not the administrator who approved it: the app makes its data
; folder in the profile of whoever runs it
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

; No [UninstallDelete] section on purpose: the user's data folder is not the install folder and
; is never removed. Files the app might have left in {app} are none (it writes only to the
; data folder), so the uninstaller leaves {app} empty and removes it.
