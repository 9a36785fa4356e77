; Inno Setup 6 script: GradLab for Windows, installed per user (no admin rights).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\gradlab.iss
;
; Input: the one-folder bundle dist\gradlab\ (gradlab.exe windowed, gradlab-cli.exe
; for terminals, _internal\) built by PyInstaller from packaging\gradlab.spec.
; Output: dist\GradLab-<version>-windows-x64-setup.exe. It installs to
; %LOCALAPPDATA%\Programs\GradLab, adds a Start-menu entry (and optionally a
; desktop icon) and an uninstaller (Settings > Apps, or the Start menu).
; Silent install for CI:  setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Silent uninstall:       "%LOCALAPPDATA%\Programs\GradLab\unins000.exe" /VERYSILENT

#define AppName "GradLab"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root SourcePath + "..\.."
#define Bundle Root + "\dist\gradlab"

[Setup]
; Never change AppId: it is how upgrades and the uninstaller find the installation.
AppId={{6F1C8E2A-4B7D-4E0B-9A55-3C2D8B7E41A9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The GradLab team
AppComments=Watch your first PyTorch training loop run, one call at a time
; Per-user install: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\packaging\icons\gradlab.ico
UninstallDisplayIcon={app}\gradlab.exe
UninstallDisplayName={#AppName}
WizardStyle=modern
; PyTorch dominates the size: strong solid LZMA2, using both cores of a CI runner.
Compression=lzma2/ultra64
SolidCompression=yes
LZMAUseSeparateProcess=yes
LZMANumBlockThreads=2
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not mix two versions' libraries and modules.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\gradlab.exe"; WorkingDir: "{userdocs}"; Comment: "Watch your first PyTorch training loop run"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\gradlab.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\gradlab.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Settings and the autosave (%APPDATA%\GradLab, %LOCALAPPDATA%\GradLab) are the
; student's: the uninstaller leaves them, as Windows apps do.
