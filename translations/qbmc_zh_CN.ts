<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessPage</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked after failed logins; try again later.</source>
        <translation>该账户因登录失败已被锁定，请稍后再试。</translation>
    </message>
    <message>
        <source>Only an administrator can do this.</source>
        <translation>只有管理员可以执行此操作。</translation>
    </message>
    <message>
        <source>This BMC</source>
        <translation>本机 BMC</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Redfish</source>
        <translation>Redfish</translation>
    </message>
    <message>
        <source>off</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>qbmc version</source>
        <translation>qbmc 版本</translation>
    </message>
    <message>
        <source>IPMI over LAN</source>
        <translation>IPMI over LAN</translation>
    </message>
    <message>
        <source>On, UDP port %1</source>
        <translation>已启用，UDP 端口 %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Serial-over-LAN is on.</source>
        <translation>串口重定向 (SoL) 已启用。</translation>
    </message>
    <message>
        <source>Serial-over-LAN is off.</source>
        <translation>串口重定向 (SoL) 已禁用。</translation>
    </message>
    <message>
        <source>Weak passwords (the user name or &quot;admin&quot;): %1</source>
        <translation>使用弱密码（与用户名相同或为 &quot;admin&quot;）的账户：%1</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Nobody is connected.</source>
        <translation>当前没有连接。</translation>
    </message>
    <message>
        <source>%1: %2 from %3, since %4</source>
        <translation>%1：%2，来自 %3，自 %4 起</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <source>Forgot the administrator password?</source>
        <translation>忘记管理员密码？</translation>
    </message>
    <message>
        <source>Locked accounts</source>
        <translation>已锁定的账户</translation>
    </message>
    <message>
        <source>After too many failed logins from an address, logins from there are refused until the lock runs out or an administrator lifts it here.</source>
        <translation>来自某一地址的登录失败次数过多后，将拒绝来自该地址的登录，直到锁定到期或管理员在此解除锁定。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock &quot;%1&quot;</source>
        <translation>解锁“%1”</translation>
    </message>
    <message>
        <source>Turn IPMI over LAN on</source>
        <translation>启用 IPMI over LAN</translation>
    </message>
    <message>
        <source>Turn IPMI over LAN off</source>
        <translation>禁用 IPMI over LAN</translation>
    </message>
    <message>
        <source>SSH console</source>
        <translation>SSH 控制台</translation>
    </message>
    <message>
        <source>On, TCP port %1</source>
        <translation>开启，TCP 端口 %1</translation>
    </message>
    <message>
        <source>Host keys: %1</source>
        <translation>主机密钥：%1</translation>
    </message>
    <message>
        <source>SSH keys per account: %1</source>
        <translation>各账户的 SSH 密钥：%1</translation>
    </message>
    <message>
        <source>No account has an SSH key.</source>
        <translation>没有账户设置 SSH 密钥。</translation>
    </message>
    <message>
        <source>Turn the SSH console on</source>
        <translation>开启 SSH 控制台</translation>
    </message>
    <message>
        <source>Turn the SSH console off</source>
        <translation>关闭 SSH 控制台</translation>
    </message>
</context>
<context>
    <name>AdminConfirmDialog</name>
    <message>
        <source>An administrator confirms this with their password.</source>
        <translation>此操作需要管理员输入密码确认。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>Newest output</source>
        <translation>最新输出</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <source>Type a command for the host</source>
        <translation>输入要发送给主机的命令</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
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
        <translation>输入由 %1 的远程控制台会话占用。</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>PgUp</translation>
    </message>
    <message>
        <source>PgDn</source>
        <translation>PgDn</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>暂无事件</translation>
    </message>
</context>
<context>
    <name>FirstStartOverlay</name>
    <message>
        <source>Welcome to qbmc</source>
        <translation>欢迎使用 qbmc</translation>
    </message>
    <message>
        <source>This BMC has no default password. It made one for the administrator; note it now, it is shown only until you confirm.</source>
        <translation>本 BMC 没有默认密码，已为管理员生成了一个密码。请立即记下：确认后将不再显示。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Redfish</source>
        <translation>Redfish</translation>
    </message>
    <message>
        <source>I have noted the password</source>
        <translation>我已记下密码</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Screen locked: enter the PIN</source>
        <translation>屏幕已锁定：请输入 PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
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
        <translation>定位中：本机为 %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Host power</source>
        <translation>主机电源</translation>
    </message>
    <message>
        <source>Last: %1 by %2 at %3</source>
        <translation>上次操作：%1，由 %2 于 %3 执行</translation>
    </message>
    <message>
        <source>(failed)</source>
        <translation>（失败）</translation>
    </message>
    <message>
        <source>Busy: %1 is running. The buttons wait for it to finish.</source>
        <translation>忙碌：正在执行“%1”，完成前按钮暂不可用。</translation>
    </message>
    <message>
        <source>Hold a button with a ring until the ring is full.</source>
        <translation>带圆环的按钮需按住不放，直到圆环填满。</translation>
    </message>
    <message>
        <source>Then: %1.</source>
        <translation>随后：%1。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Reset the administrator password</source>
        <translation>重置管理员密码</translation>
    </message>
    <message>
        <source>The administrator gets a new random password, shown here once. Standing at the machine is the proof; the reset is logged.</source>
        <translation>管理员将获得一个新的随机密码，仅在此处显示一次。在设备现场操作即视为身份证明；此次重置会记录到日志中。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>On</source>
        <translation>已开机</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>Powering on…</source>
        <translation>正在开机…</translation>
    </message>
    <message>
        <source>Powering off…</source>
        <translation>正在关机…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>开机</translation>
    </message>
    <message>
        <source>Force on</source>
        <translation>强制开机</translation>
    </message>
    <message>
        <source>Force off</source>
        <translation>强制关机</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <source>Power cycle</source>
        <translation>电源循环</translation>
    </message>
    <message>
        <source>Power button</source>
        <translation>按电源键</translation>
    </message>
    <message>
        <source>NMI</source>
        <translation>NMI</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>屏幕</translation>
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
        <translation>主机</translation>
    </message>
    <message>
        <source>BMC</source>
        <translation>BMC</translation>
    </message>
    <message>
        <source>the screen</source>
        <translation>本机屏幕</translation>
    </message>
    <message>
        <source>IPMI user %1</source>
        <translation>IPMI 用户 %1</translation>
    </message>
    <message>
        <source>Redfish user %1</source>
        <translation>Redfish 用户 %1</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>the BMC</source>
        <translation>BMC</translation>
    </message>
    <message>
        <source>Nothing to do: the host is already there.</source>
        <translation>无需操作：主机已处于该状态。</translation>
    </message>
    <message>
        <source>Another power action is running.</source>
        <translation>另一项电源操作正在进行中。</translation>
    </message>
    <message>
        <source>Not possible while the host is in this state.</source>
        <translation>主机处于当前状态时无法执行此操作。</translation>
    </message>
    <message>
        <source>This board&apos;s wiring cannot do that.</source>
        <translation>此主板的接线不支持该操作。</translation>
    </message>
    <message>
        <source>Unknown action.</source>
        <translation>未知操作。</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Waiting for the serial adapter</source>
        <translation>正在等待串口适配器</translation>
    </message>
    <message>
        <source>No serial console configured</source>
        <translation>未配置串口控制台</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait half a minute.</source>
        <translation>PIN 错误次数过多，请等待半分钟。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN 错误。</translation>
    </message>
</context>
</TS>
