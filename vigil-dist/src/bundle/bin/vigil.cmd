@echo off
rem Starts Vigil with the Java runtime shipped beside this script, from any folder, with spaces in the path,
rem and without write access to the bundle.
rem   VIGIL_NO_AOT=1        start without the AOT cache (lib\app\vigil.aot, trained when the bundle was built)
rem   VIGIL_JAVA_OPTS=...   extra JVM options (the build trains the AOT cache through it)
setlocal
for %%I in ("%~dp0..") do set "VIGIL_ROOT=%%~fI"
set "VIGIL_JAVA=%VIGIL_ROOT%\lib\runtime\bin\java.exe"
rem no parenthesised block here: a ")" in the path (Program Files (x86)) would end it early
if not exist "%VIGIL_JAVA%" goto :missing
rem The JVM options come from packaging/jvm-options.properties (filled in at build time, as ./vigil reads them):
rem the kernel (serve) runs with full JIT and the Parallel GC, every other command starts fast, with the AOT cache.
set VIGIL_AOT=
if /i "%~1"=="serve" goto :serve
set "VIGIL_OPTS=@jvm.fast@ @jvm.common@ -Xlog:aot=off -Xlog:cds=off"
if not defined VIGIL_NO_AOT if exist "%VIGIL_ROOT%\lib\app\vigil.aot" set VIGIL_AOT="-XX:AOTCache=%VIGIL_ROOT%\lib\app\vigil.aot"
goto :run

:serve
set "VIGIL_OPTS=@jvm.serve@ @jvm.common@"

:run
"%VIGIL_JAVA%" %VIGIL_OPTS% %VIGIL_AOT% %VIGIL_JAVA_OPTS% -jar "%VIGIL_ROOT%\lib\app\vigil-cli.jar" %*
exit /b %ERRORLEVEL%

:missing
echo vigil: the bundled Java runtime is missing at "%VIGIL_JAVA%"; unpack the whole bundle again 1>&2
exit /b 3
