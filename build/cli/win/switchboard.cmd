@echo off
rem The installed `switchboard` command (issue 15): its folder is on the user PATH (Settings ->
rem "Install the command-line tool"). It runs the standalone CLI (switchboard-bin.exe, a Node
rem single-executable application) beside it; a build without one falls back to a system Node.
setlocal
set "SB_DIR=%~dp0"
if exist "%SB_DIR%switchboard-bin.exe" goto sea
where node >nul 2>nul
if errorlevel 1 goto missing
node "%SB_DIR%switchboard.cjs" %*
exit /b %ERRORLEVEL%
:sea
"%SB_DIR%switchboard-bin.exe" %*
exit /b %ERRORLEVEL%
:missing
echo switchboard: this installation has no standalone CLI and no Node.js is on PATH. 1>&2
exit /b 127
