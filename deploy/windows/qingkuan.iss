; Inno Setup script for Qingkuan, run by deploy/build.py on Windows when iscc is on PATH:
;   iscc /DAppVersion=0.2.0 /DSourceDir=dist\qingkuan /DOutputDir=dist /DPlatformTag=windows-x64 /DIconFile=build\icons\qingkuan.ico
; Saved as UTF-8 with a BOM: without one Inno Setup reads the script in the system's ANSI
; code page and 清款 comes out garbled (tests/packaging/test_installer_script.py).
; Installs for the current user only (no administrator rights, nothing outside the user's
; folders): Start-menu entry, .qkledger files open in Qingkuan.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{7B0F3C52-9A44-4C1E-9F3E-5A1E2B8D6C11}
AppName=Qingkuan 清款
AppVersion={#AppVersion}
AppPublisher=Qingkuan
DefaultDirName={localappdata}\Programs\Qingkuan
DefaultGroupName=Qingkuan
PrivilegesRequired=lowest
ChangesAssociations=yes
DisableProgramGroupPage=yes
OutputDir={#OutputDir}
OutputBaseFilename=qingkuan-{#AppVersion}-{#PlatformTag}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\qingkuan.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; Inno Setup 6 has long installed no Simplified Chinese messages (a user-contributed
; translation; only its newest sources list it as official): a copy lives beside this
; script, with its licence (ChineseSimplified-LICENSE.txt), so every iscc builds alike.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh"; MessagesFile: "ChineseSimplified.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\Qingkuan 清款"; Filename: "{app}\qingkuan.exe"
Name: "{userdesktop}\Qingkuan 清款"; Filename: "{app}\qingkuan.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
; Per-user file association (HKCU\Software\Classes): a double-click on a ledger opens it.
Root: HKCU; Subkey: "Software\Classes\.qkledger"; ValueType: string; ValueName: ""; ValueData: "Qingkuan.Ledger"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Qingkuan.Ledger"; ValueType: string; ValueName: ""; ValueData: "Qingkuan ledger"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Qingkuan.Ledger\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\qingkuan.exe,0"
Root: HKCU; Subkey: "Software\Classes\Qingkuan.Ledger\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\qingkuan.exe"" ""%1"""

[Run]
Filename: "{app}\qingkuan.exe"; Description: "{cm:LaunchProgram,Qingkuan}"; Flags: nowait postinstall skipifsilent
