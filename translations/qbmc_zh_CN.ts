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
    <message>
        <source>Web console</source>
        <translation>网页控制台</translation>
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
    <message>
        <source>Screen</source>
        <translation>屏幕</translation>
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
    <message>
        <source>Virtual media</source>
        <translation>虚拟介质</translation>
    </message>
    <message>
        <source>CD: %1</source>
        <translation>光盘：%1</translation>
    </message>
    <message>
        <source>USB stick: %1</source>
        <translation>U 盘：%1</translation>
    </message>
    <message>
        <source>Eject</source>
        <translation>弹出</translation>
    </message>
    <message>
        <source>The drive could not be ejected.</source>
        <translation>无法弹出该驱动器。</translation>
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
    <name>ScreenPage</name>
    <message>
        <source>Type text into the host</source>
        <translation>向主机输入文本</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
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
        <translation>空格</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Del</translation>
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
    <message>
        <source>Live picture</source>
        <translation>实时画面</translation>
    </message>
    <message>
        <source>No signal from the host</source>
        <translation>主机无信号</translation>
    </message>
    <message>
        <source>The capture device is missing</source>
        <translation>采集设备缺失</translation>
    </message>
    <message>
        <source>This board has no video capture</source>
        <translation>此主板没有视频采集</translation>
    </message>
</context>
<context>
    <name>web</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>我的账户</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Skip to content</source>
        <translation>跳到内容</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主导航</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Host console screen</source>
        <translation>主机控制台屏幕</translation>
    </message>
    <message>
        <source>Keyboard input for the host console</source>
        <translation>主机控制台键盘输入</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <source>The BMC cannot be reached. Check the connection and try again.</source>
        <translation>无法连接 BMC。请检查连接后重试。</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>您的会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的角色无权执行此操作。</translation>
    </message>
    <message>
        <source>Another action is still running: %1</source>
        <translation>另一个操作仍在进行：%1</translation>
    </message>
    <message>
        <source>Not possible in the current state: %1</source>
        <translation>当前状态下无法执行：%1</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>它已不存在。</translation>
    </message>
    <message>
        <source>It already exists.</source>
        <translation>它已存在。</translation>
    </message>
    <message>
        <source>The BMC is busy or at a limit: %1</source>
        <translation>BMC 繁忙或已达上限：%1</translation>
    </message>
    <message>
        <source>The BMC refused: %1</source>
        <translation>BMC 拒绝了请求：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Password…</source>
        <translation>密码…</translation>
    </message>
    <message>
        <source>Change the password of %1</source>
        <translation>更改 %1 的密码</translation>
    </message>
    <message>
        <source>SSH keys</source>
        <translation>SSH 密钥</translation>
    </message>
    <message>
        <source>SSH keys of %1</source>
        <translation>%1 的 SSH 密钥</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>解锁 %1</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>IPMI access</source>
        <translation>IPMI 访问</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>至少 %1 个字符。</translation>
    </message>
    <message>
        <source>At most %1 bytes, because IPMI allows no more.</source>
        <translation>最多 %1 字节，因为 IPMI 不允许更长。</translation>
    </message>
    <message>
        <source>At most %1 bytes.</source>
        <translation>最多 %1 字节。</translation>
    </message>
    <message>
        <source>No control characters.</source>
        <translation>不能包含控制字符。</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password must have at most %1 bytes.</source>
        <translation>密码最多 %1 字节。</translation>
    </message>
    <message>
        <source>The password must not contain control characters.</source>
        <translation>密码不能包含控制字符。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>1 to 16 letters, digits, _ . or -, not starting with . or -.</source>
        <translation>1 到 16 个字母、数字、_ . 或 -，不能以 . 或 - 开头。</translation>
    </message>
    <message>
        <source>May use IPMI (ipmitool)</source>
        <translation>允许使用 IPMI（ipmitool）</translation>
    </message>
    <message>
        <source>The user name is not valid: 1 to 16 letters, digits, _ . or -, not starting with . or -.</source>
        <translation>用户名无效：需为 1 到 16 个字母、数字、_ . 或 -，不能以 . 或 - 开头。</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>已添加账户 %1。</translation>
    </message>
    <message>
        <source>Switching IPMI on needs a new password, which IPMI keeps.</source>
        <translation>启用 IPMI 需要设置新密码，IPMI 会保存该密码。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>已保存账户 %1。</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>已更改 %1 的密码。</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>已解锁账户 %1。</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>The account and its SSH keys are deleted, and its sessions end.</source>
        <translation>该账户及其 SSH 密钥将被删除，其会话将结束。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Account %1 deleted.</source>
        <translation>已删除账户 %1。</translation>
    </message>
    <message>
        <source>Key added.</source>
        <translation>已添加密钥。</translation>
    </message>
    <message>
        <source>Add a public key</source>
        <translation>添加公钥</translation>
    </message>
    <message>
        <source>One line in OpenSSH&apos;s format: Ed25519, ECDSA, or RSA of at least 2048 bits.</source>
        <translation>OpenSSH 格式的一行：Ed25519、ECDSA 或至少 2048 位的 RSA。</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>添加密钥</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove key %1</source>
        <translation>移除密钥 %1</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>No SSH keys.</source>
        <translation>没有 SSH 密钥。</translation>
    </message>
    <message>
        <source>These keys log in to the host console over SSH.</source>
        <translation>这些密钥用于通过 SSH 登录主机控制台。</translation>
    </message>
    <message>
        <source>Remove this key?</source>
        <translation>移除此密钥？</translation>
    </message>
    <message>
        <source>Whoever holds the matching private key can no longer log in with it.</source>
        <translation>持有对应私钥的人将无法再用它登录。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
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
        <translation>点击屏幕即可输入。屏幕获得焦点时按键发送给主机；Ctrl+] 离开。选中文本时 Ctrl+C 复制，Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <source>Connecting to the console…</source>
        <translation>正在连接控制台…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Disconnected. Connecting again…</source>
        <translation>已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>You hold the console input.</source>
        <translation>您持有控制台输入权。</translation>
    </message>
    <message>
        <source>%1 holds the console input; you are watching.</source>
        <translation>%1 持有控制台输入权；您正在观看。</translation>
    </message>
    <message>
        <source>Nobody holds the console input; typing takes it.</source>
        <translation>无人持有控制台输入权；输入即可获得。</translation>
    </message>
    <message>
        <source>Take over input</source>
        <translation>接管输入</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Send text…</source>
        <translation>发送文本…</translation>
    </message>
    <message>
        <source>Special key</source>
        <translation>特殊键</translation>
    </message>
    <message>
        <source>Send key</source>
        <translation>发送按键</translation>
    </message>
    <message>
        <source>Selection copied.</source>
        <translation>已复制所选内容。</translation>
    </message>
    <message>
        <source>Screen copied.</source>
        <translation>已复制屏幕内容。</translation>
    </message>
    <message>
        <source>The browser did not allow copying. Select the text and press Ctrl+C.</source>
        <translation>浏览器不允许复制。请选中文本后按 Ctrl+C。</translation>
    </message>
    <message>
        <source>Send text to the host</source>
        <translation>向主机发送文本</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Sent as typed; line breaks are sent as Enter.</source>
        <translation>按输入方式发送；换行作为回车发送。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Console log files</source>
        <translation>控制台日志文件</translation>
    </message>
    <message>
        <source>No console log files.</source>
        <translation>没有控制台日志文件。</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>下载 %1</translation>
    </message>
    <message>
        <source>What the host printed on its serial console, newest file first.</source>
        <translation>主机在串口控制台上输出的内容，最新文件在前。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>最后写入</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is locked for logins from your address after too many failed attempts. Try again later.</source>
        <translation>由于失败次数过多，此账户已禁止从您的地址登录。请稍后再试。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>此账户已被禁用。请联系管理员启用。</translation>
    </message>
    <message>
        <source>Too many sessions are open. Sign out elsewhere or wait until old sessions time out.</source>
        <translation>打开的会话过多。请在其他地方退出登录，或等待旧会话超时。</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>登录失败。</translation>
    </message>
    <message>
        <source>Sign in to the BMC</source>
        <translation>登录 BMC</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Touchscreen</source>
        <translation>触摸屏</translation>
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
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>This BMC has no event log.</source>
        <translation>此 BMC 没有事件日志。</translation>
    </message>
    <message>
        <source>All origins</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>所有严重程度</translation>
    </message>
    <message>
        <source>Download CSV</source>
        <translation>下载 CSV</translation>
    </message>
    <message>
        <source>Download JSON</source>
        <translation>下载 JSON</translation>
    </message>
    <message>
        <source>Clear log…</source>
        <translation>清空日志…</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Showing %1 of %2 entries</source>
        <translation>显示 %2 条中的 %1 条</translation>
    </message>
    <message>
        <source>No entries.</source>
        <translation>没有条目。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Event log entries, newest first</source>
        <translation>事件日志条目，最新的在前</translation>
    </message>
    <message>
        <source>Clear the event log?</source>
        <translation>清空事件日志？</translation>
    </message>
    <message>
        <source>Every entry is deleted for good. Download the log first if you need it.</source>
        <translation>所有条目将被永久删除。如有需要，请先下载日志。</translation>
    </message>
    <message>
        <source>Clear log</source>
        <translation>清空日志</translation>
    </message>
    <message>
        <source>Event log cleared.</source>
        <translation>事件日志已清空。</translation>
    </message>
    <message>
        <source>There is no page at this address.</source>
        <translation>此地址没有页面。</translation>
    </message>
    <message>
        <source>Go to the overview</source>
        <translation>前往概览</translation>
    </message>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
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
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Power on</source>
        <translation>开机</translation>
    </message>
    <message>
        <source>Force power on</source>
        <translation>强制开机</translation>
    </message>
    <message>
        <source>Force power off</source>
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
        <source>Press power button</source>
        <translation>按下电源按钮</translation>
    </message>
    <message>
        <source>Send NMI</source>
        <translation>发送 NMI</translation>
    </message>
    <message>
        <source>The host loses power at once. Unsaved work on it is lost.</source>
        <translation>主机将立即断电，未保存的工作将丢失。</translation>
    </message>
    <message>
        <source>The host&apos;s operating system is asked to shut down.</source>
        <translation>将请求主机操作系统关机。</translation>
    </message>
    <message>
        <source>The host&apos;s operating system is asked to shut down, then the host is powered on again.</source>
        <translation>将请求主机操作系统关机，随后重新开机。</translation>
    </message>
    <message>
        <source>The host is reset at once. Unsaved work on it is lost.</source>
        <translation>主机将立即复位，未保存的工作将丢失。</translation>
    </message>
    <message>
        <source>The host loses power at once and is powered on again. Unsaved work on it is lost.</source>
        <translation>主机将立即断电并重新开机，未保存的工作将丢失。</translation>
    </message>
    <message>
        <source>The power button is pressed once, as by hand.</source>
        <translation>电源按钮将被按下一次，如同手动按下。</translation>
    </message>
    <message>
        <source>A non-maskable interrupt is sent to the host; its operating system may stop.</source>
        <translation>将向主机发送不可屏蔽中断，其操作系统可能会停止。</translation>
    </message>
    <message>
        <source>The host&apos;s power changes.</source>
        <translation>主机电源状态将改变。</translation>
    </message>
    <message>
        <source>No override</source>
        <translation>不覆盖</translation>
    </message>
    <message>
        <source>Network (PXE)</source>
        <translation>网络（PXE）</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>硬盘</translation>
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
        <translation>固件设置</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Floppy</source>
        <translation>软盘</translation>
    </message>
    <message>
        <source>UEFI shell</source>
        <translation>UEFI Shell</translation>
    </message>
    <message>
        <source>UEFI HTTP</source>
        <translation>UEFI HTTP</translation>
    </message>
    <message>
        <source>Next boot only</source>
        <translation>仅下次启动</translation>
    </message>
    <message>
        <source>Every boot</source>
        <translation>每次启动</translation>
    </message>
    <message>
        <source>Legacy BIOS</source>
        <translation>传统 BIOS</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>Stay off</source>
        <translation>保持关机</translation>
    </message>
    <message>
        <source>Return to the last state</source>
        <translation>恢复到上次状态</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 天 %2 小时 %3 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Running: %1, since %2</source>
        <translation>正在执行：%1，开始于 %2</translation>
    </message>
    <message>
        <source>The last power action did not complete.</source>
        <translation>上一次电源操作未完成。</translation>
    </message>
    <message>
        <source>Host power</source>
        <translation>主机电源</translation>
    </message>
    <message>
        <source>%1?</source>
        <translation>%1？</translation>
    </message>
    <message>
        <source>%1: nothing to do.</source>
        <translation>%1：无需操作。</translation>
    </message>
    <message>
        <source>%1 requested.</source>
        <translation>已请求%1。</translation>
    </message>
    <message>
        <source>Stop identifying</source>
        <translation>停止识别</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Lights the chassis&apos; identify LED so the server can be found in the rack.</source>
        <translation>点亮机箱识别指示灯，以便在机架中找到服务器。</translation>
    </message>
    <message>
        <source>Identify LED</source>
        <translation>识别指示灯</translation>
    </message>
    <message>
        <source>Boot device</source>
        <translation>启动设备</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Boot mode</source>
        <translation>启动模式</translation>
    </message>
    <message>
        <source>Whether the host follows the override depends on its firmware&apos;s boot order.</source>
        <translation>主机是否遵循此覆盖取决于其固件的启动顺序。</translation>
    </message>
    <message>
        <source>Boot override</source>
        <translation>启动覆盖</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Boot override saved.</source>
        <translation>已保存启动覆盖。</translation>
    </message>
    <message>
        <source>What the BMC does with the host when the BMC starts.</source>
        <translation>BMC 启动时对主机执行的操作。</translation>
    </message>
    <message>
        <source>Power restore policy</source>
        <translation>电源恢复策略</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Sensors</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>No sensors.</source>
        <translation>没有传感器。</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <source>Sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Firmware version</source>
        <translation>固件版本</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
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
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>BMC time</source>
        <translation>BMC 时间</translation>
    </message>
    <message>
        <source>Running since</source>
        <translation>运行开始于</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Web browser</source>
        <translation>网页浏览器</translation>
    </message>
    <message>
        <source>Host console</source>
        <translation>主机控制台</translation>
    </message>
    <message>
        <source>KVM</source>
        <translation>KVM</translation>
    </message>
    <message>
        <source>Virtual media</source>
        <translation>虚拟介质</translation>
    </message>
    <message>
        <source>this browser</source>
        <translation>本浏览器</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>End the session of %1</source>
        <translation>结束 %1 的会话</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Sessions end by themselves when unused for the session time-out.</source>
        <translation>会话在超过超时时间未使用后自动结束。</translation>
    </message>
    <message>
        <source>No sessions.</source>
        <translation>没有会话。</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>退出登录？</translation>
    </message>
    <message>
        <source>End this session?</source>
        <translation>结束此会话？</translation>
    </message>
    <message>
        <source>This is your own session in this browser.</source>
        <translation>这是您在此浏览器中的会话。</translation>
    </message>
    <message>
        <source>%1 is disconnected from %2.</source>
        <translation>%1 在 %2 的连接将被断开。</translation>
    </message>
    <message>
        <source>Session ended.</source>
        <translation>会话已结束。</translation>
    </message>
    <message>
        <source>Restart the BMC</source>
        <translation>重启 BMC</translation>
    </message>
    <message>
        <source>Restart the BMC at once</source>
        <translation>立即重启 BMC</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Only administrators can change settings.</source>
        <translation>只有管理员可以更改设置。</translation>
    </message>
    <message>
        <source>IPMI over LAN</source>
        <translation>IPMI over LAN</translation>
    </message>
    <message>
        <source>SSH console</source>
        <translation>SSH 控制台</translation>
    </message>
    <message>
        <source>UDP port %1; switching it off ends every IPMI session.</source>
        <translation>UDP 端口 %1；关闭将结束所有 IPMI 会话。</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <source>HTTPS (this interface) on port %1.</source>
        <translation>HTTPS（本界面）端口 %1。</translation>
    </message>
    <message>
        <source>Network services</source>
        <translation>网络服务</translation>
    </message>
    <message>
        <source>Serial-over-LAN (IPMI)</source>
        <translation>Serial-over-LAN（IPMI）</translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation>%1，端口 %2</translation>
    </message>
    <message>
        <source>Clients at once</source>
        <translation>同时连接的客户端</translation>
    </message>
    <message>
        <source>Serial-over-LAN&apos;s bit rate and privilege are set in the BMC&apos;s configuration file or with ipmitool (sol set).</source>
        <translation>Serial-over-LAN 的波特率和权限在 BMC 配置文件中或通过 ipmitool（sol set）设置。</translation>
    </message>
    <message>
        <source>Session time-out (seconds)</source>
        <translation>会话超时（秒）</translation>
    </message>
    <message>
        <source>A session unused this long ends: 30 to 86400 seconds.</source>
        <translation>会话在未使用达到此时长后结束：30 到 86400 秒。</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>UTC offset</source>
        <translation>UTC 偏移</translation>
    </message>
    <message>
        <source>The BMC&apos;s operating system keeps the clock (NTP); it cannot be set here.</source>
        <translation>BMC 的操作系统管理时钟（NTP），此处无法设置。</translation>
    </message>
    <message>
        <source>Restart…</source>
        <translation>重启…</translation>
    </message>
    <message>
        <source>Restart the BMC?</source>
        <translation>重启 BMC？</translation>
    </message>
    <message>
        <source>This interface, IPMI and SSH are unavailable for a few seconds; every session ends. The host keeps running.</source>
        <translation>本界面、IPMI 和 SSH 将有几秒钟不可用，所有会话将结束。主机继续运行。</translation>
    </message>
    <message>
        <source>The BMC is restarting.</source>
        <translation>BMC 正在重启。</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Web console</source>
        <translation>网页控制台</translation>
    </message>
    <message>
        <source>Remote screen</source>
        <translation>远程屏幕</translation>
    </message>
    <message>
        <source>Click the screen to type and use the mouse. Keys the browser keeps for itself are in the keys menu.</source>
        <translation>点击屏幕即可输入并使用鼠标。浏览器自身占用的按键在按键菜单中。</translation>
    </message>
    <message>
        <source>You are watching: your role may not use the host&apos;s keyboard and mouse.</source>
        <translation>您正在观看：您的角色不能使用主机的键盘和鼠标。</translation>
    </message>
    <message>
        <source>Connecting to the remote screen…</source>
        <translation>正在连接远程屏幕…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Del</translation>
    </message>
    <message>
        <source>Paste as typing…</source>
        <translation>以键入方式粘贴…</translation>
    </message>
    <message>
        <source>Scale to fit</source>
        <translation>缩放以适应</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Open in a window</source>
        <translation>在新窗口中打开</translation>
    </message>
    <message>
        <source>Paste as typing</source>
        <translation>以键入方式粘贴</translation>
    </message>
    <message>
        <source>Typed on the host&apos;s keyboard; line breaks are typed as Enter.</source>
        <translation>在主机键盘上键入；换行以回车键键入。</translation>
    </message>
    <message>
        <source>The host&apos;s keyboard layout</source>
        <translation>主机的键盘布局</translation>
    </message>
    <message>
        <source>There is no picture to save yet.</source>
        <translation>还没有可保存的画面。</translation>
    </message>
    <message>
        <source>CD/DVD drive</source>
        <translation>CD/DVD 光驱</translation>
    </message>
    <message>
        <source>USB stick</source>
        <translation>U 盘</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>Inserted: %1</source>
        <translation>已插入：%1</translation>
    </message>
    <message>
        <source>Copying %1 into the BMC…</source>
        <translation>正在将 %1 复制到 BMC…</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Copy progress</source>
        <translation>复制进度</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Eject</source>
        <translation>弹出</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>An http:// or https:// URL, copied into the BMC before the host sees it, or the name of an image in the store.</source>
        <translation>http:// 或 https:// 网址（在主机看到之前复制到 BMC），或映像存储中某个映像的名称。</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>User name for the image server</source>
        <translation>映像服务器用户名</translation>
    </message>
    <message>
        <source>Password for the image server</source>
        <translation>映像服务器密码</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Insert an image</source>
        <translation>插入映像</translation>
    </message>
    <message>
        <source>%1 of %2 used</source>
        <translation>已用 %1，共 %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>The store holds no images.</source>
        <translation>存储中没有映像。</translation>
    </message>
    <message>
        <source>Image store</source>
        <translation>映像存储</translation>
    </message>
    <message>
        <source>Inserted.</source>
        <translation>已插入。</translation>
    </message>
    <message>
        <source>The copy failed.</source>
        <translation>复制失败。</translation>
    </message>
    <message>
        <source>The image is removed from the BMC&apos;s store.</source>
        <translation>该映像将从 BMC 的存储中删除。</translation>
    </message>
</context>
</TS>
